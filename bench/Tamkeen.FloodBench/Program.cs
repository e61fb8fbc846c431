// Flood command: the real service on loopback, a website chat flood from one client (one session sending as fast as
// it can, and as many requests without a session), and meanwhile five ordinary visitors and a Telegram chat writing
// at a person's pace. Prints how long the ordinary people waited for their replies, what the flood got, and memory.
//
//   dotnet run -c Release --project bench/Tamkeen.FloodBench -- [--seconds 20] [--flooders 32]
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tamkeen.Core.Conversations;
using Tamkeen.Host;
using Tamkeen.Host.Channels.WebChat;
using Tamkeen.Host.Data;
using Tamkeen.Host.Messaging;

var seconds = Option("--seconds", 20);
var flooders = Option("--flooders", 32);
var folder = Path.Combine(Path.GetTempPath(), $"tamkeen-flood-{Guid.NewGuid():N}");
Directory.CreateDirectory(folder);
var telegram = new RecordingSender();
var app = TamkeenApp.Build(
[
    "--urls=http://127.0.0.1:0",
    $"--ConnectionStrings:Tamkeen=Data Source={Path.Combine(folder, "flood.db")}",
    "--Logging:LogLevel:Default=Warning",
], builder => builder.Services.AddSingleton<IChannelSender>(telegram));
try
{
    await ServicesAfterListening.StartAndWaitAsync(app);
    var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    var people = new People(app.Services, address, telegram);
    var memory = new MemorySampler(app.Services.GetRequiredService<ConversationLanes>());

    await people.WriteAsync(TimeSpan.FromSeconds(5), CancellationToken.None); // warm-up: the first replies measure the JIT
    memory.Take();
    var calm = await people.WriteAsync(TimeSpan.FromSeconds(10), CancellationToken.None);
    Console.WriteLine($"{Environment.ProcessorCount} cores; 5 visitors (a message every 2.5 s) and a Telegram chat (every 2 s)");
    Report("without a flood (10 s)", calm, memory.Take());

    using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
    var flood = new Flood(address, flooders);
    var flooding = flood.RunAsync(stop.Token);
    var during = await people.WriteAsync(TimeSpan.FromSeconds(seconds), CancellationToken.None);
    await flooding;
    Console.WriteLine(FormattableString.Invariant(
        $"flood for {seconds} s from one address, {flooders} connections: {flood.Sent / (double)seconds:F0} requests/s; {flood.Summary}"));
    Report("during the flood", during, memory.Take());
    await using var db = await app.Services.GetRequiredService<IDbContextFactory<TamkeenDb>>().CreateDbContextAsync();
    Console.WriteLine($"beneficiaries      {await db.Beneficiaries.CountAsync()} (5 visitors, 1 Telegram chat, the flood's session and the new conversations it was allowed)");
}
finally
{
    await app.StopAsync();
    await app.DisposeAsync();
    SqliteConnection.ClearAllPools();
    Directory.Delete(folder, recursive: true);
}
return 0;

static void Report(string phase, PeopleFigures figures, (double PeakMiB, int PeakQueued) memory)
{
    Console.WriteLine($"{phase}:");
    Console.WriteLine($"  website replies   {Percentiles(figures.WebChat)}; {figures.Refused} visitor messages told to wait and sent again");
    Console.WriteLine($"  Telegram replies  {Percentiles(figures.Telegram)}");
    Console.WriteLine(FormattableString.Invariant($"  working set       peak {memory.PeakMiB:F0} MiB; lanes peak {memory.PeakQueued} queued"));
}

static string Percentiles(List<double> ms)
{
    if (ms.Count == 0) return "none";
    ms.Sort();
    double At(double p) => ms[Math.Clamp((int)Math.Ceiling(p * ms.Count) - 1, 0, ms.Count - 1)];
    return FormattableString.Invariant($"{ms.Count} replies, p50 {At(0.5):F0} ms, p99 {At(0.99):F0} ms, max {ms[^1]:F0} ms");
}

int Option(string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
}

internal sealed record PeopleFigures(List<double> WebChat, List<double> Telegram, int Refused);

/// <summary>Ordinary people writing at a person's pace; each measures from sending to its reply arriving.</summary>
internal sealed class People(IServiceProvider services, Uri address, RecordingSender telegram)
{
    private const string Text = "٩"; // no menu item: one short reply each time
    private readonly MessageIntake _intake = services.GetRequiredService<MessageIntake>();
    private readonly WebChatHub _hub = services.GetRequiredService<WebChatHub>();
    private readonly WebChatSession _sessions = services.GetRequiredService<WebChatSession>();

    public async Task<PeopleFigures> WriteAsync(TimeSpan duration, CancellationToken cancellationToken)
    {
        var until = DateTime.UtcNow + duration;
        var web = new ConcurrentBag<double>();
        var refused = 0;
        var visitors = Enumerable.Range(0, 5).Select(async _ =>
        {
            var cookies = new CookieContainer();
            using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = address };
            (await http.GetAsync("chat/history", cancellationToken)).EnsureSuccessStatusCode();
            var session = _sessions.IdIn(cookies.GetCookies(address)[WebChatSession.CookieName]!.Value)!;
            using var lines = _hub.Subscribe(session);
            while (DateTime.UtcNow < until)
            {
                var clock = Stopwatch.StartNew();
                var id = Guid.NewGuid().ToString("N");
                HttpResponseMessage answer;
                // As the page does: a message refused as too many at once is sent again after Retry-After.
                while ((answer = await http.PostAsJsonAsync("chat/messages", new { id, text = Text }, cancellationToken)).StatusCode == HttpStatusCode.TooManyRequests)
                {
                    Interlocked.Increment(ref refused);
                    await Task.Delay(answer.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1), cancellationToken);
                }
                await lines.Reader.ReadAsync(cancellationToken);
                web.Add(clock.Elapsed.TotalMilliseconds);
                await Task.Delay(TimeSpan.FromSeconds(2.5), cancellationToken);
            }
        });
        var chat = Task.Run(async () =>
        {
            while (DateTime.UtcNow < until)
            {
                var sent = telegram.Expect();
                var clock = Stopwatch.StartNew();
                await _intake.AcceptAsync(new InboundMessage(Channel.Telegram, "flood-bench-chat", Guid.NewGuid().ToString("N"), Text, null, [], DateTimeOffset.UtcNow),
                    cancellationToken);
                await sent;
                telegram.Latencies.Add(clock.Elapsed.TotalMilliseconds);
                // Slower than Telegram's one message a second to one chat, so the figure is the service's, not that limit's.
                await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
            }
        }, cancellationToken);
        await Task.WhenAll([.. visitors, chat]);
        return new PeopleFigures([.. web], [.. telegram.TakeLatencies()], refused);
    }
}

/// <summary>One client flooding the website chat: half its connections with one session, half without any.</summary>
internal sealed class Flood(Uri address, int connections)
{
    private readonly ConcurrentDictionary<HttpStatusCode, int> _answers = new();
    private long _sent;

    public long Sent => Interlocked.Read(ref _sent);

    public string Summary => string.Join(", ", _answers.OrderBy(a => a.Key).Select(a => $"{a.Value} answered {(int)a.Key}"));

    public async Task RunAsync(CancellationToken stop)
    {
        var cookies = new CookieContainer();
        using var withSession = new HttpClient(new HttpClientHandler { CookieContainer = cookies, MaxConnectionsPerServer = connections }) { BaseAddress = address };
        using var withoutSession = new HttpClient(new HttpClientHandler { UseCookies = false, MaxConnectionsPerServer = connections }) { BaseAddress = address };
        (await withSession.GetAsync("chat/history", stop)).EnsureSuccessStatusCode();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(i => Task.Run(async () =>
        {
            var http = i % 2 == 0 ? withSession : withoutSession;
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    using var answer = await http.PostAsJsonAsync("chat/messages", new { id = Guid.NewGuid().ToString("N"), text = "flood" }, stop);
                    _answers.AddOrUpdate(answer.StatusCode, 1, (_, n) => n + 1);
                    Interlocked.Increment(ref _sent);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                }
            }
        })));
    }
}

/// <summary>The Telegram channel as a recorder: tells the waiting chat its reply was handed over for sending.</summary>
internal sealed class RecordingSender : IChannelSender
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Channel Channel => Channel.Telegram;
    public ConcurrentBag<double> Latencies { get; private set; } = [];

    public Task Expect() => (_next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public List<double> TakeLatencies()
    {
        var taken = Latencies.ToList();
        Latencies = [];
        return taken;
    }

    public Task<SendOutcome> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        _next.TrySetResult();
        return Task.FromResult<SendOutcome>(new SendOutcome.Sent("1"));
    }
}

/// <summary>Peak working set and lanes backlog, sampled every 100 ms.</summary>
internal sealed class MemorySampler
{
    private double _peakMiB;
    private int _peakQueued;

    public MemorySampler(ConversationLanes lanes)
    {
        _ = Task.Run(async () =>
        {
            using var process = Process.GetCurrentProcess();
            while (true)
            {
                process.Refresh();
                _peakMiB = Math.Max(_peakMiB, process.WorkingSet64 / 1048576.0);
                _peakQueued = Math.Max(_peakQueued, lanes.Queued);
                await Task.Delay(100);
            }
        });
    }

    public (double PeakMiB, int PeakQueued) Take()
    {
        var taken = (_peakMiB, _peakQueued);
        (_peakMiB, _peakQueued) = (0, 0);
        return taken;
    }
}
