using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tamkeen.Core.Conversations;
using Tamkeen.Host.Data;
using Tamkeen.Host.Settings;

namespace Tamkeen.Host.Messaging.Timers;

/// <summary>
/// The one timer loop. It sleeps until the earliest due time in the table, or until told of an earlier one, then hands
/// each due timer, in due order, to the handler of its kind. Timers are rows, so those that came due while the service
/// was stopped fire at the next start.
/// </summary>
public sealed class TimerScheduler : BackgroundService
{
    private const int BatchSize = 100;

    /// <summary>
    /// The table is read at least this often: a wait is measured on the machine's steady clock, so this is how soon a
    /// change of the wall clock, or a timer scheduled by another process, is noticed.
    /// </summary>
    private static readonly TimeSpan LongestSleep = TimeSpan.FromHours(1);

    private readonly IDbContextFactory<TamkeenDb> _dbFactory;
    private readonly TimerSignal _signal;
    private readonly Dictionary<TimerKind, ITimerHandler> _handlers = [];
    private readonly TimerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<TimerScheduler> _logger;

    /// <summary>
    /// Timers fired that may still be in the table (the handler failed, or has not deleted it), by row and due time, so a
    /// rescheduled timer starts afresh. Only the loop touches it; a restart forgets it, and those timers fire at once.
    /// </summary>
    private readonly Dictionary<(long Id, DateTimeOffset DueAt), Firing> _fired = [];

    public TimerScheduler(IDbContextFactory<TamkeenDb> dbFactory, TimerSignal signal, IEnumerable<ITimerHandler> handlers,
        IOptions<TimerOptions> options, TimeProvider time, ILogger<TimerScheduler> logger)
    {
        _dbFactory = dbFactory;
        _signal = signal;
        _options = options.Value;
        _time = time;
        _logger = logger;
        foreach (var handler in handlers)
        {
            foreach (var kind in handler.Kinds)
            {
                if (!_handlers.TryAdd(kind, handler))
                    throw new InvalidOperationException($"Timers of kind {kind} have two handlers: {_handlers[kind].GetType().Name} and {handler.GetType().Name}.");
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (true)
        {
            try
            {
                await FireDueOrSleepAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                _logger.LogWarning(e, "Reading the timer table failed; trying again in {Wait}", _options.RetryBaseDelay);
                await Task.Delay(_options.RetryBaseDelay, _time, stoppingToken);
            }
        }
    }

    private async Task FireDueOrSleepAsync(CancellationToken stoppingToken)
    {
        _signal.BeginLooking();
        var now = _time.GetUtcNow();
        var ready = (await ReadDueAsync(now, stoppingToken))
            .Where(t => !_fired.TryGetValue(Key(t), out var firing) || firing.RetryAt <= now)
            .Take(BatchSize)
            .ToList();
        foreach (var timer in ready) await FireAsync(timer, stoppingToken);
        if (ready.Count == 0) await _signal.WaitAsync(await NextWakeAsync(now, stoppingToken), _time, stoppingToken);
    }

    private async Task<List<DueTimer>> ReadDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Enough rows for a full batch besides those waiting to be retried.
        var limit = BatchSize + _fired.Count;
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        var due = await db.Timers.AsNoTracking().Where(t => t.DueAt <= now).OrderBy(t => t.DueAt).ThenBy(t => t.Id)
            .Take(limit).ToListAsync(cancellationToken);
        if (due.Count < limit)
        {
            // Every due timer was read: one fired earlier and not among them has been deleted or rescheduled.
            var present = due.Select(Key).ToHashSet();
            foreach (var gone in _fired.Keys.Where(k => !present.Contains(k)).ToList()) _fired.Remove(gone);
        }
        return due;
    }

    private async Task<DateTimeOffset> NextWakeAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var wakeAt = now + LongestSleep;
        await using (var db = await _dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var next = await db.Timers.AsNoTracking().Where(t => t.DueAt > now).OrderBy(t => t.DueAt).FirstOrDefaultAsync(cancellationToken);
            if (next is not null && next.DueAt < wakeAt) wakeAt = next.DueAt;
        }
        foreach (var firing in _fired.Values)
        {
            if (firing.RetryAt < wakeAt) wakeAt = firing.RetryAt;
        }
        return wakeAt;
    }

    private async Task FireAsync(DueTimer timer, CancellationToken stoppingToken)
    {
        // The wait before another try counts from here, so it does not depend on how long the handler took.
        var firedAt = _time.GetUtcNow();
        var key = Key(timer);
        var firings = _fired.TryGetValue(key, out var earlier) ? earlier.Count + 1 : 1;
        if (earlier is { Failed: false })
            _logger.LogWarning("Timer {TimerId} ({TimerKind}) was still in the table after its handler ran; firing it again", timer.Id, timer.Kind);
        var failed = true;
        var wait = RetryDelay(firings);
        if (!_handlers.TryGetValue(timer.Kind, out var handler))
        {
            _logger.LogWarning("Timer {TimerId} ({TimerKind}) has no handler; trying again in {Wait}", timer.Id, timer.Kind, wait);
        }
        else
        {
            try
            {
                await handler.FireAsync(timer, stoppingToken);
                failed = false;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                _logger.LogWarning(e, "Timer {TimerId} ({TimerKind}) failed in {Handler} (firing {Firing}); trying again in {Wait}",
                    timer.Id, timer.Kind, handler.GetType().Name, firings, wait);
            }
        }
        // Also after success: if the handler left the row, it waits like a failure rather than firing in a tight loop.
        _fired[key] = new Firing(firings, failed, firedAt + wait);
    }

    /// <summary>Doubles with each firing of the same timer, up to Timers:RetryMaxDelay.</summary>
    private TimeSpan RetryDelay(int firings)
    {
        var step = _options.RetryBaseDelay * Math.Pow(2, Math.Min(firings - 1, 30));
        return step < _options.RetryMaxDelay ? step : _options.RetryMaxDelay;
    }

    private static (long, DateTimeOffset) Key(DueTimer timer) => (timer.Id, timer.DueAt);

    private sealed record Firing(int Count, bool Failed, DateTimeOffset RetryAt);
}
