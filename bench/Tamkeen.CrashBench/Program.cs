// Crash bench: how many replies a kill -9 of the service sends twice, and whether it loses any.
// Runs the built service as a child process against fake Telegram and Twilio APIs in this process (what they received
// outlives the service), drives Telegram and SMS users in a closed loop, kills the service at a random (seeded) moment
// after a warm-up, starts it again on the same database, lets the load go on, then stops it, waits until every reply
// is sent and counts what the fakes received against the outbox. One line per run, then a summary.
//
//   dotnet run -c Release --project bench/Tamkeen.CrashBench -- [--runs 5] [--telegram-users 100] [--sms-users 50]
//       [--warmup 5] [--after 3] [--seed 1] [--latency 0 (ms per call to the fakes)]
//       [--host-dir DIR (a built Tamkeen.Host; default: build src/Tamkeen.Host in Release)]
using System.Diagnostics;
using System.Globalization;
using Tamkeen.CrashBench;

if (!CrashOptions.TryParse(args, out var options, out var problem))
{
    Console.Error.WriteLine(problem);
    Console.Error.WriteLine("usage: Tamkeen.CrashBench [--runs N] [--telegram-users U] [--sms-users S] [--warmup SECONDS] [--after SECONDS] [--seed N] [--latency MS] [--host-dir DIR]");
    return 2;
}

// The kill falls at a random moment this long after the warm-up.
var killWindow = TimeSpan.FromSeconds(2);
var hostDll = options.HostDir is { } hostDir ? Path.Combine(Path.GetFullPath(hostDir), "Tamkeen.Host.dll") : await BuildHostAsync();
var folder = Path.Combine(Path.GetTempPath(), $"tamkeen-crash-{Guid.NewGuid():N}");
Console.WriteLine($"{options.TelegramUsers} Telegram and {options.SmsUsers} SMS users, kill -9 after {options.Warmup.TotalSeconds:F0}–{options.Warmup.TotalSeconds + killWindow.TotalSeconds:F0} s " +
                  $"of load, {options.After.TotalSeconds:F0} s more after the restart, seed {options.Seed}, fakes answer in {options.Latency.TotalMilliseconds:F0} ms, {Environment.ProcessorCount} cores");
Console.WriteLine(RunFigures.Header);

var runs = new List<RunFigures>();
for (var run = 1; run <= options.Runs; run++)
{
    var figures = await RunOnceAsync(run, Path.Combine(folder, $"run-{run}"));
    runs.Add(figures);
    Console.WriteLine(figures.Line());
    foreach (var failed in figures.Failed) Console.WriteLine($"       failed: {failed}");
    foreach (var found in figures.Problems) Console.WriteLine($"       PROBLEM: {found}");
}

Console.WriteLine(
    $"summary of {runs.Count} crashes: {runs.Sum(r => r.TelegramDoubled)} Telegram replies doubled (at most {runs.Max(r => r.TelegramDoubled)} in one crash), " +
    $"{runs.Sum(r => r.TelegramTripled)} tripled, {runs.Sum(r => r.Interrupted)} cut off and sent again; " +
    $"{runs.Sum(r => r.SmsDoubled)} SMS doubled; {runs.Sum(r => r.Lost)} replies lost; {runs.Sum(r => r.Failed.Count)} failed");
if (runs.Any(r => r.Problems.Count > 0))
{
    Console.WriteLine($"the databases and service logs are kept in {folder}");
    return 1;
}
Directory.Delete(folder, recursive: true);
return 0;

async Task<RunFigures> RunOnceAsync(int run, string runFolder)
{
    Directory.CreateDirectory(runFolder);
    await using var log = TextWriter.Synchronized(new StreamWriter(Path.Combine(runFolder, "service.log")));
    await using var fakes = await FakeProviders.StartAsync(options.Latency);
    using var service = new ServiceProcess(hostDll, runFolder, fakes.BaseAddress, log);
    // A stuck service fails the run instead of hanging it.
    using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
    await service.StartAsync(deadline.Token);

    using var http = new HttpClient { BaseAddress = service.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    var load = new Load(http, service, fakes);
    using var stop = new CancellationTokenSource();
    var clock = Stopwatch.StartNew();
    var running = load.RunAsync(options.TelegramUsers, options.SmsUsers, stop.Token, deadline.Token);

    await Task.Delay(options.Warmup + killWindow * new Random(options.Seed + run).NextDouble(), deadline.Token);
    service.Kill();
    var killedAt = clock.Elapsed.TotalSeconds;
    var repliesBeforeKill = fakes.Telegram.Total + fakes.Sms.Total;
    await service.StartAsync(deadline.Token);
    await Task.Delay(options.After, deadline.Token);
    await stop.CancelAsync();
    await running;

    // Pending rows left after this are counted as lost.
    await RunFigures.WaitUntilDrainedAsync(service.DatabasePath, TimeSpan.FromSeconds(60));
    return await RunFigures.CountAsync(run, killedAt, repliesBeforeKill, service.DatabasePath, fakes, load);
}

static async Task<string> BuildHostAsync()
{
    var root = new DirectoryInfo(AppContext.BaseDirectory);
    while (!File.Exists(Path.Combine(root.FullName, "Tamkeen.sln"))) root = root.Parent ?? throw new InvalidOperationException("Tamkeen.sln not found above the bench; give --host-dir.");
    var project = Path.Combine(root.FullName, "src", "Tamkeen.Host");
    Console.WriteLine($"building {project} (Release)");
    using var build = Process.Start("dotnet", ["build", project, "-c", "Release", "--nologo", "-v", "quiet"]);
    await build.WaitForExitAsync();
    if (build.ExitCode != 0) throw new InvalidOperationException($"Building {project} failed ({build.ExitCode}).");
    return Path.Combine(project, "bin", "Release", "net10.0", "Tamkeen.Host.dll");
}

internal sealed record CrashOptions(int Runs, int TelegramUsers, int SmsUsers, TimeSpan Warmup, TimeSpan After, int Seed, TimeSpan Latency, string? HostDir)
{
    public static bool TryParse(string[] args, out CrashOptions options, out string problem)
    {
        options = new CrashOptions(5, 100, 50, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(3), 1, TimeSpan.Zero, null);
        problem = "";
        for (var i = 0; i < args.Length; i += 2)
        {
            if (i + 1 >= args.Length)
            {
                problem = $"{args[i]} needs a value.";
                return false;
            }
            if (args[i] == "--host-dir")
            {
                options = options with { HostDir = args[i + 1] };
                continue;
            }
            if (!int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                problem = $"{args[i]} needs a whole number.";
                return false;
            }
            switch (args[i])
            {
                case "--runs" when value > 0: options = options with { Runs = value }; break;
                case "--telegram-users": options = options with { TelegramUsers = value }; break;
                case "--sms-users": options = options with { SmsUsers = value }; break;
                case "--warmup" when value > 0: options = options with { Warmup = TimeSpan.FromSeconds(value) }; break;
                case "--after" when value > 0: options = options with { After = TimeSpan.FromSeconds(value) }; break;
                case "--seed": options = options with { Seed = value }; break;
                case "--latency": options = options with { Latency = TimeSpan.FromMilliseconds(value) }; break;
                default:
                    problem = $"Unknown option or value: {args[i]} {args[i + 1]}";
                    return false;
            }
        }
        return true;
    }
}
