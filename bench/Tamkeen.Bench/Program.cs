// Load command: drives the real inbox → lanes → conversation → outbox path in-process on a fresh SQLite file.
// Closed loop, like people: each virtual beneficiary sends a message, waits for its reply to be stored, then sends the next.
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tamkeen.Core.Conversations;
using Tamkeen.Host;
using Tamkeen.Host.Data;
using Tamkeen.Host.Messaging;

var beneficiaries = Option("--beneficiaries", 200);
var messages = Option("--messages", 20);
var lanes = Option("--lanes", 16);
var warmup = Option("--warmup", 20);
const int WarmupMessages = 16;

var folder = Path.Combine(Path.GetTempPath(), "tamkeen-bench", Guid.NewGuid().ToString("N"));
var app = TamkeenApp.Build(
[
    "--urls", "http://127.0.0.1:0",
    $"--ConnectionStrings:Tamkeen=Data Source={Path.Combine(folder, "bench.db")}",
    $"--Messaging:Lanes={lanes}",
    "--Logging:LogLevel:Default=Warning",
]);
await app.StartAsync();
var intake = app.Services.GetRequiredService<MessageIntake>();

await RunAsync("warmup", warmup, WarmupMessages);
var latencies = new double[beneficiaries * messages];
var allocatedBefore = GC.GetTotalAllocatedBytes();
var wall = Stopwatch.StartNew();
await RunAsync("bench", beneficiaries, messages, latencies);
wall.Stop();

Array.Sort(latencies);
double Percentile(double p) => latencies[Math.Min(latencies.Length - 1, (int)Math.Ceiling(p * latencies.Length) - 1)];
Console.WriteLine(FormattableString.Invariant($"{beneficiaries} beneficiaries × {messages} messages = {latencies.Length} messages, {lanes} lanes, SQLite file"));
Console.WriteLine(FormattableString.Invariant($"wall time        {wall.Elapsed.TotalSeconds:F2} s"));
Console.WriteLine(FormattableString.Invariant($"throughput       {latencies.Length / wall.Elapsed.TotalSeconds:F0} messages/s"));
Console.WriteLine(FormattableString.Invariant($"stored → reply   p50 {Percentile(0.50):F2} ms, p90 {Percentile(0.90):F2} ms, p99 {Percentile(0.99):F2} ms, max {latencies[^1]:F2} ms"));
Console.WriteLine(FormattableString.Invariant($"peak memory      {Environment.WorkingSet / 1048576.0:F0} MiB working set now, {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MiB peak; {(GC.GetTotalAllocatedBytes() - allocatedBefore) / 1048576.0 / latencies.Length * 1024:F0} KiB allocated per message"));

var ok = await VerifyAsync(warmup * WarmupMessages + latencies.Length);
await app.StopAsync();
await app.DisposeAsync();
Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
Directory.Delete(folder, recursive: true);
return ok ? 0 : 1;

async Task RunAsync(string prefix, int people, int count, double[]? record = null)
{
    await Task.WhenAll(Enumerable.Range(0, people).Select(person => Task.Run(async () =>
    {
        for (var step = 0; step < count; step++)
        {
            var message = new InboundMessage(Channel.WebChat, $"{prefix}-{person}", $"{prefix}-{person}-{step}",
                Script(person, step), null, [], TimeProvider.System.GetUtcNow());
            var result = await intake.AcceptAsync(message, CancellationToken.None);
            var stored = Stopwatch.GetTimestamp();
            await result.Processed;
            if (record is not null) record[person * count + step] = Stopwatch.GetElapsedTime(stored).TotalMilliseconds;
        }
    })));
}

async Task<bool> VerifyAsync(int expected)
{
    await using var db = await app.Services.GetRequiredService<IDbContextFactory<TamkeenDb>>().CreateDbContextAsync();
    var processed = await db.Inbox.CountAsync(m => m.ProcessedAt != null);
    var replies = await db.Outbox.CountAsync();
    var feedback = await db.Feedback.CountAsync();
    Console.WriteLine($"check            {processed} messages processed, {replies} replies stored, {feedback} suggestions/complaints (expected {expected} and {expected})");
    return processed == expected && replies == expected;
}

// A realistic mix: menu walks, both feedback kinds, Arabic-Indic digits, commands, language switches, noise.
static string Script(int person, int step) => (step % 16) switch
{
    0 => "مرحبا",
    1 => "٥",
    2 => "1",
    3 => $"اقتراح رقم {step} من المستفيد {person}: تمديد أوقات الدوام يوم الخميس",
    4 => "5",
    5 => "شكوى",
    6 => $"شكوى تجريبية رقم {step}: تأخر الرد على طلبي",
    7 => "٢",
    8 => "القائمة",
    9 => "4",
    10 => "English",
    11 => "5",
    12 => "back",
    13 => "عربي",
    14 => "كلام لا يطابق شيئاً",
    _ => "0",
};

int Option(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}
