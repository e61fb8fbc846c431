// Load command: drives the real inbox → lanes → conversation → outbox path in-process on a fresh SQLite file.
// Closed loop, like people: each virtual beneficiary sends a message, waits until its reply is stored, then sends
// the next; all beneficiaries run at once.
//
//   dotnet run -c Release --project bench/Tamkeen.Bench -- [--beneficiaries 50] [--messages 200] [--warmup 1000] [--lanes 64]
using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tamkeen.Core.Conversations;
using Tamkeen.Host;
using Tamkeen.Host.Data;
using Tamkeen.Host.Messaging;
using Tamkeen.Host.Settings;

if (!BenchOptions.TryParse(args, out var options, out var problem))
{
    Console.Error.WriteLine(problem);
    Console.Error.WriteLine("usage: Tamkeen.Bench [--beneficiaries N] [--messages M] [--warmup W (beneficiaries, 0 = none)] [--lanes L]");
    return 2;
}

var folder = Path.Combine(Path.GetTempPath(), $"tamkeen-bench-{Guid.NewGuid():N}");
Directory.CreateDirectory(folder);
// Only the arguments built here reach the host, so the bench's own options never land in its configuration.
List<string> hostArgs =
[
    "--urls=http://127.0.0.1:0",
    $"--ConnectionStrings:Tamkeen=Data Source={Path.Combine(folder, "bench.db")}",
    "--Logging:LogLevel:Default=Warning",
];
if (options.Lanes is { } requestedLanes) hostArgs.Add($"--Messaging:Lanes={requestedLanes}");

var app = TamkeenApp.Build([.. hostArgs]);
try
{
    await ServicesAfterListening.StartAndWaitAsync(app);
    var intake = app.Services.GetRequiredService<MessageIntake>();
    var lanes = app.Services.GetRequiredService<IOptions<MessagingOptions>>().Value.Lanes;
    // A stuck pipeline should fail the run, not hang it.
    using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(10));

    if (options.WarmupBeneficiaries > 0)
        await LoadRun.RunAsync(intake, "warmup", options.WarmupBeneficiaries, Script.Length, deadline.Token);

    using var process = Process.GetCurrentProcess();
    var cpuBefore = process.TotalProcessorTime;
    var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
    var wall = Stopwatch.StartNew();
    var latencies = await LoadRun.RunAsync(intake, "bench", options.Beneficiaries, options.Messages, deadline.Token);
    wall.Stop();
    var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
    process.Refresh();
    var cpu = process.TotalProcessorTime - cpuBefore;

    Array.Sort(latencies);
    double Percentile(double p) => latencies[Math.Clamp((int)Math.Ceiling(p * latencies.Length) - 1, 0, latencies.Length - 1)];
    Console.WriteLine(FormattableString.Invariant(
        $"{options.Beneficiaries} beneficiaries × {options.Messages} messages, {lanes} lanes, warm-up {options.WarmupBeneficiaries} × {Script.Length}, {Environment.ProcessorCount} cores"));
    Console.WriteLine(FormattableString.Invariant($"messages           {latencies.Length}"));
    Console.WriteLine(FormattableString.Invariant($"wall time          {wall.Elapsed.TotalSeconds:F2} s"));
    Console.WriteLine(FormattableString.Invariant($"throughput         {latencies.Length / wall.Elapsed.TotalSeconds:F0} messages/s"));
    Console.WriteLine(FormattableString.Invariant(
        $"stored → replied   p50 {Percentile(0.50):F2} ms  p90 {Percentile(0.90):F2} ms  p99 {Percentile(0.99):F2} ms  max {latencies[^1]:F2} ms"));
    // CPU per message stays comparable when other work shares the machine; wall-clock figures do not.
    Console.WriteLine(FormattableString.Invariant(
        $"cpu time           {cpu.TotalSeconds:F2} s, {cpu.TotalMilliseconds / latencies.Length:F2} ms per message"));
    Console.WriteLine(FormattableString.Invariant($"peak working set   {process.PeakWorkingSet64 / 1048576.0:F0} MiB"));
    Console.WriteLine(FormattableString.Invariant(
        $"allocated          {allocated / 1048576.0:F0} MiB during the run, {allocated / 1024.0 / latencies.Length:F0} KiB per message"));

    return await VerifyAsync(app.Services, options) ? 0 : 1;
}
finally
{
    await app.StopAsync();
    await app.DisposeAsync();
    SqliteConnection.ClearAllPools(); // pooled connections keep the file open
    Directory.Delete(folder, recursive: true);
}

static async Task<bool> VerifyAsync(IServiceProvider services, BenchOptions options)
{
    var expected = options.Beneficiaries * options.Messages;
    var expectedFeedback = options.Beneficiaries * Enumerable.Range(0, options.Messages).Count(Script.SubmitsFeedback);
    var prefix = LoadRun.AddressPrefix("bench");
    await using var db = await services.GetRequiredService<IDbContextFactory<TamkeenDb>>().CreateDbContextAsync();
    var processed = await db.Inbox.CountAsync(m => m.SenderAddress.StartsWith(prefix) && m.ProcessedAt != null && m.ProcessingError == null);
    var replies = await db.Outbox.CountAsync(m => m.Address.StartsWith(prefix));
    var answered = await db.Outbox.Where(m => m.Address.StartsWith(prefix)).Select(m => m.InboxMessageId).Distinct().CountAsync();
    var feedback = await db.Feedback.CountAsync(f => db.ChannelIdentities.Any(i => i.BeneficiaryId == f.BeneficiaryId && i.Address.StartsWith(prefix)));

    var ok = processed == expected && replies == expected && answered == expected && feedback == expectedFeedback;
    Console.WriteLine($"check              {processed} processed, {replies} replies to {answered} messages, {feedback} suggestions/complaints " +
                      $"(expected {expected}, {expected}, {expected}, {expectedFeedback}): {(ok ? "OK" : "MISMATCH")}");
    return ok;
}

/// <summary>The closed loop: every beneficiary at once, each one message at a time.</summary>
internal static class LoadRun
{
    public static string AddressPrefix(string run) => $"{run}-";

    /// <returns>Per message, milliseconds from "inbound stored" (AcceptAsync returned) to "reply stored" (Processed done).</returns>
    public static async Task<double[]> RunAsync(MessageIntake intake, string run, int beneficiaries, int messages, CancellationToken cancellationToken)
    {
        var latencies = new double[beneficiaries * messages];
        await Task.WhenAll(Enumerable.Range(0, beneficiaries).Select(person => Task.Run(async () =>
        {
            var address = AddressPrefix(run) + person.ToString(CultureInfo.InvariantCulture);
            for (var step = 0; step < messages; step++)
            {
                var message = new InboundMessage(Channel.WebChat, address, $"{address}-{step}", Script.Text(person, step),
                    ButtonPayload: null, Attachments: [], ReceivedAt: TimeProvider.System.GetUtcNow());
                var result = await intake.AcceptAsync(message, cancellationToken);
                var stored = Stopwatch.GetTimestamp();
                if (result.Status != IntakeStatus.Accepted)
                    throw new InvalidOperationException($"Message {message.ChannelMessageId} was {result.Status}, not accepted.");
                await result.Processed.WaitAsync(cancellationToken);
                latencies[person * messages + step] = Stopwatch.GetElapsedTime(stored).TotalMilliseconds;
            }
        }, cancellationToken)));
        return latencies;
    }
}

/// <summary>
/// What each beneficiary sends, repeating every <see cref="Length"/> messages: menu walks, a suggestion and a complaint
/// through the menu, one by keyword, Arabic-Indic digits, commands, a language switch and back, a question for the guide.
/// </summary>
internal static class Script
{
    public const int Length = 20;

    public static string Text(int person, int step) => (step % Length) switch
    {
        0 => "مرحبا",                                                              // menu (welcome on first contact)
        1 => "٥",                                                                  // feedback
        2 => "1",                                                                  // suggestion
        3 => $"اقتراح رقم {step} من المستفيد {person}: تحسين أوقات الدوام",          // stored, thanks with reference
        4 => "5",
        5 => "٢",                                                                  // complaint
        6 => $"شكوى تجريبية رقم {step} من المستفيد {person}: تأخر الرد على طلبي",   // stored
        7 => "القائمة",
        8 => "3",                                                                  // follow-up: their suggestions and complaints
        9 => "English",
        10 => "3",                                                                 // follow-up again, in English
        11 => "complaint",                                                         // feedback kind by keyword
        12 => "back",                                                              // to the kind question
        13 => "1",
        14 => "ok",                                                                // too short, asked again
        15 => $"Please open on Saturdays too (suggestion {step} from {person})",   // stored
        16 => "عربي",
        17 => "وش الاوراق المطلوبه للتسجيل",                                      // answered from the guide
        18 => "القائمة",                                                          // a person would be a handoff: staff's, not the bot's
        _ => "إلغاء",
    };

    public static bool SubmitsFeedback(int step) => (step % Length) is 3 or 6 or 15;
}

internal sealed record BenchOptions(int Beneficiaries, int Messages, int WarmupBeneficiaries, int? Lanes)
{
    public static bool TryParse(string[] args, out BenchOptions options, out string problem)
    {
        options = new BenchOptions(50, 200, 1000, null);
        problem = "";
        for (var i = 0; i < args.Length; i += 2)
        {
            if (i + 1 >= args.Length || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                problem = $"{args[i]} needs a whole number.";
                return false;
            }
            switch (args[i])
            {
                case "--beneficiaries" when value > 0: options = options with { Beneficiaries = value }; break;
                case "--messages" when value > 0: options = options with { Messages = value }; break;
                case "--warmup": options = options with { WarmupBeneficiaries = value }; break;
                case "--lanes" when value > 0: options = options with { Lanes = value }; break;
                default:
                    problem = $"Unknown option or value: {args[i]} {args[i + 1]}";
                    return false;
            }
        }
        return true;
    }
}
