using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Tamkeen.Host.Tests;

/// <summary>
/// Stoplight Prism serving Twilio's own OpenAPI description of the REST API (tests/emulators/twilio_api_v2010.json) on
/// a loopback port: it checks every request against Twilio's schema (no credentials → 401, no To → 422) and answers
/// with Twilio's example message. Started once for the Twilio test classes that share it, and killed after them.
/// </summary>
public sealed class PrismTwilioApi : IAsyncLifetime
{
    private Process? _prism;

    public Uri BaseAddress { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        await Emulators.EnsureInstalledAsync();
        var prism = Path.Combine(Emulators.Folder, "node_modules", ".bin", "prism");
        var port = Emulators.FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
        _prism = Process.Start(new ProcessStartInfo(prism)
        {
            ArgumentList = { "mock", "-h", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), Path.Combine(Emulators.Folder, "twilio_api_v2010.json") },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        // Its log is not needed; reading it keeps the pipes from filling up.
        _prism.OutputDataReceived += (_, _) => { };
        _prism.ErrorDataReceived += (_, _) => { };
        _prism.BeginOutputReadLine();
        _prism.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_prism.HasExited) throw new InvalidOperationException($"Prism stopped at start with exit code {_prism.ExitCode}.");
            try
            {
                using var response = await http.GetAsync("/");
                return;
            }
            // A first answer slower than the probe's timeout (Prism still reading the large spec on a busy machine) is a retry too.
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                await Task.Delay(100);
            }
        }
        throw new TimeoutException("Prism did not answer within 60 seconds.");
    }

    public async ValueTask DisposeAsync()
    {
        if (_prism is null) return;
        if (!_prism.HasExited) _prism.Kill(entireProcessTree: true);
        await _prism.WaitForExitAsync();
        _prism.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class PrismTwilioCollection : ICollectionFixture<PrismTwilioApi>
{
    public const string Name = "Prism as the Twilio REST API";
}
