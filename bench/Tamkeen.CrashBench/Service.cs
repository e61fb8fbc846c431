using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Tamkeen.CrashBench;

/// <summary>
/// The built service (dotnet Tamkeen.Host.dll) as a child process on a fixed loopback port and one SQLite file, with
/// Telegram in webhook mode and Twilio SMS pointed at the fakes, and the send limits lifted (as ../shared/bench/peers/tamkeen.sh).
/// It can be killed (-9, the whole process tree) and started again on the same file and port.
/// </summary>
internal sealed class ServiceProcess(string hostDll, string folder, Uri fakes, TextWriter log) : IDisposable
{
    public const string TelegramSecret = "bench-secret";
    public const string TelegramWebhookPath = "/telegram/webhook";
    public const string TwilioAuthToken = "0123456789abcdef0123456789abcdef";
    public const string TwilioAccountSid = "AC0123456789abcdef0123456789abcdef";
    public const string PublicBaseUrl = "https://bench.example.org";
    public const string SmsFrom = "+14155550100";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly int _port = FreePort();
    private Process? _process;
    private volatile TaskCompletionSource _up = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Uri BaseAddress => new($"http://127.0.0.1:{_port}");

    public string DatabasePath => Path.Combine(folder, "tamkeen.db");

    /// <summary>Completes when the service answers /health; a new, open one from the moment it is killed.</summary>
    public Task Up => _up.Task;

    private string[] Arguments() =>
    [
        hostDll,
        $"--urls={BaseAddress}",
        $"--ConnectionStrings:Tamkeen=Data Source={DatabasePath}",
        $"--Attachments:Path={Path.Combine(folder, "attachments")}",
        "--Logging:LogLevel:Default=Warning",
        // What the dispatcher finds and settles after a restart (a few lines, none per message).
        "--Logging:LogLevel:Tamkeen.Host.Messaging=Information",
        "--Telegram:BotToken=123456:ABC-bench",
        $"--Telegram:ApiBaseUrl={fakes}",
        $"--Telegram:WebhookUrl={PublicBaseUrl}{TelegramWebhookPath}",
        $"--Telegram:SecretToken={TelegramSecret}",
        $"--Twilio:AccountSid={TwilioAccountSid}",
        $"--Twilio:AuthToken={TwilioAuthToken}",
        $"--Twilio:ApiBaseUrl={fakes}",
        $"--Twilio:PublicBaseUrl={PublicBaseUrl}",
        $"--Twilio:SmsFrom={SmsFrom}",
        "--Dispatch:Telegram:PerSecond=10000",
        "--Dispatch:Telegram:PerRecipientPerSecond=0",
        "--Dispatch:Sms:PerSecond=10000",
    ];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in Arguments()) start.ArgumentList.Add(argument);
        log.WriteLine($"--- start {DateTime.UtcNow:O}");
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, line) => { if (line.Data is not null) log.WriteLine(line.Data); };
        _process.ErrorDataReceived += (_, line) => { if (line.Data is not null) log.WriteLine(line.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited) throw new InvalidOperationException($"The service exited with {_process.ExitCode} at start; see {Path.Combine(folder, "service.log")}.");
            if (deadline.Elapsed > StartTimeout) throw new TimeoutException($"The service did not answer /health within {StartTimeout}.");
            try
            {
                using var health = await http.GetAsync(new Uri("/health", UriKind.Relative), cancellationToken);
                if (health.IsSuccessStatusCode) break;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }
            await Task.Delay(50, cancellationToken);
        }
        _up.TrySetResult();
    }

    /// <summary>kill -9: nothing of the service runs after this returns.</summary>
    public void Kill()
    {
        _up = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _process!.Kill(entireProcessTree: true);
        _process.WaitForExit();
        _process.Dispose();
        _process = null;
        log.WriteLine($"--- killed {DateTime.UtcNow:O}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        if (_process is not null) Kill();
    }
}
