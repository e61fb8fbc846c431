using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Tamkeen.Core.Conversations;
using Tamkeen.Host.Data;
using Tamkeen.Host.Messaging.Timers;

namespace Tamkeen.Host.Tests;

public class TimerSchedulerTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Records every call; deletes the timer it fired as a real handler does, or throws while told to.</summary>
    private sealed class RecordingHandler(DatabaseWriter writer) : ITimerHandler
    {
        private readonly Lock _lock = new();
        private readonly List<(string Subject, DateTimeOffset DueAt)> _calls = [];
        private readonly List<(string Subject, DateTimeOffset DueAt)> _fired = [];
        private readonly Dictionary<string, int> _failuresLeft = [];

        public IReadOnlyCollection<TimerKind> Kinds { get; } = [TimerKind.Idle];

        public void FailTimes(string subject, int times)
        {
            lock (_lock) _failuresLeft[subject] = times;
        }

        public List<(string Subject, DateTimeOffset DueAt)> Calls
        {
            get { lock (_lock) return [.. _calls]; }
        }

        public List<(string Subject, DateTimeOffset DueAt)> Fired
        {
            get { lock (_lock) return [.. _fired]; }
        }

        public int CallsFor(string subject) => Calls.Count(c => c.Subject == subject);

        public bool HasFired(string subject) => Fired.Any(f => f.Subject == subject);

        public async Task FireAsync(DueTimer timer, CancellationToken cancellationToken)
        {
            lock (_lock)
            {
                _calls.Add((timer.Subject, timer.DueAt));
                if (_failuresLeft.GetValueOrDefault(timer.Subject) > 0)
                {
                    _failuresLeft[timer.Subject]--;
                    throw new InvalidOperationException("The handler is down.");
                }
            }
            var deleted = false;
            await writer.WriteAsync(async (db, ct) => deleted = await TimerTable.DeleteFiredAsync(db, timer, ct), cancellationToken);
            if (deleted) lock (_lock) _fired.Add((timer.Subject, timer.DueAt));
        }
    }

    private static async Task<(RunningService Service, RecordingHandler Handler)> StartAsync(FakeTimeProvider clock)
    {
        var service = await RunningService.StartAsync(time: clock, services: s =>
        {
            s.RemoveAll<ITimerHandler>();
            s.AddSingleton<ITimerHandler>(sp => new RecordingHandler(sp.GetRequiredService<DatabaseWriter>()));
        }, settings: ["--Timers:RetryBaseDelay=00:00:10"]);
        return (service, service.Services.GetServices<ITimerHandler>().OfType<RecordingHandler>().Single());
    }

    /// <summary>The timers these tests schedule; the service may have others.</summary>
    private static IQueryable<DueTimer> TestTimers(TamkeenDb db) => db.Timers.Where(t => t.Subject.StartsWith("test/"));

    /// <summary>As a feature does it: in a database change, then the signal after the commit.</summary>
    private static async Task ScheduleAsync(RunningService service, string subject, DateTimeOffset dueAt)
    {
        await service.Services.GetRequiredService<DatabaseWriter>().WriteAsync((db, ct) =>
            TimerTable.ScheduleAsync(db, subject, TimerKind.Idle, dueAt, beneficiaryId: null, payload: null, ct));
        service.Services.GetRequiredService<TimerSignal>().Scheduled(dueAt);
    }

    [Fact]
    public async Task Timers_fire_in_due_order_and_one_scheduled_sooner_wakes_the_scheduler_early()
    {
        var clock = new FakeTimeProvider(Start);
        var (service, handler) = await StartAsync(clock);
        await using var _ = service;
        await ScheduleAsync(service, "test/later", Start.AddMinutes(10));
        await ScheduleAsync(service, "test/sooner", Start.AddMinutes(5));
        await ScheduleAsync(service, "test/last-a", Start.AddMinutes(30));
        await ScheduleAsync(service, "test/last-b", Start.AddMinutes(20));

        clock.Advance(TimeSpan.FromMinutes(6));
        await Eventually.UntilAsync(() => handler.HasFired("test/sooner"), "the timer due in 5 minutes");
        Assert.Equal(["test/sooner"], handler.Calls.Select(c => c.Subject));

        clock.Advance(TimeSpan.FromMinutes(5));
        await Eventually.UntilAsync(() => handler.HasFired("test/later"), "the timer due in 10 minutes");

        // Both due by the time the scheduler looks: handed over in due order, not in the order they were scheduled.
        clock.Advance(TimeSpan.FromMinutes(30));
        await Eventually.UntilAsync(() => handler.Fired.Count == 4, "the last two timers");
        Assert.Equal(["test/sooner", "test/later", "test/last-b", "test/last-a"], handler.Fired.Select(f => f.Subject));
        await using var db = service.OpenDatabase();
        Assert.Empty(await TestTimers(db).ToListAsync());
    }

    [Fact]
    public async Task A_rescheduled_timer_fires_once_at_its_new_time_and_not_at_the_old_one()
    {
        var clock = new FakeTimeProvider(Start);
        var (service, handler) = await StartAsync(clock);
        await using var _ = service;
        await ScheduleAsync(service, "test/moved", Start.AddMinutes(5));
        DueTimer asFirstScheduled;
        await using (var db = service.OpenDatabase()) asFirstScheduled = await db.Timers.AsNoTracking().SingleAsync(t => t.Subject == "test/moved");
        await ScheduleAsync(service, "test/moved", Start.AddMinutes(20));
        await ScheduleAsync(service, "test/marker", Start.AddMinutes(6));

        await using (var db = service.OpenDatabase())
        {
            var moved = await db.Timers.SingleAsync(t => t.Subject == "test/moved");
            Assert.Equal((asFirstScheduled.Id, Start.AddMinutes(20)), (moved.Id, moved.DueAt));
        }
        // A handler holding the timer as it was before the move deletes nothing, so it must do nothing.
        var deleted = true;
        await service.Services.GetRequiredService<DatabaseWriter>().WriteAsync(async (db, ct) =>
            deleted = await TimerTable.DeleteFiredAsync(db, asFirstScheduled, ct));
        Assert.False(deleted);

        clock.Advance(TimeSpan.FromMinutes(7));
        await Eventually.UntilAsync(() => handler.HasFired("test/marker"), "the marker due after the old time");
        Assert.Equal(0, handler.CallsFor("test/moved"));

        clock.Advance(TimeSpan.FromMinutes(14));
        await Eventually.UntilAsync(() => handler.HasFired("test/moved"), "the moved timer at its new time");
        await ScheduleAsync(service, "test/marker", clock.GetUtcNow().AddMinutes(1));
        clock.Advance(TimeSpan.FromMinutes(30));
        await Eventually.UntilAsync(() => handler.Fired.Count(f => f.Subject == "test/marker") == 2, "a second marker");
        Assert.Equal([("test/moved", Start.AddMinutes(20))], handler.Calls.Where(c => c.Subject == "test/moved"));
    }

    [Fact]
    public async Task A_failing_handler_is_retried_after_a_backoff_not_at_once()
    {
        var clock = new FakeTimeProvider(Start);
        var (service, handler) = await StartAsync(clock);
        await using var _ = service;
        handler.FailTimes("test/flaky", 2);
        await ScheduleAsync(service, "test/flaky", Start.AddMinutes(1));
        await ScheduleAsync(service, "test/marker", Start.AddMinutes(1).AddSeconds(5));

        clock.Advance(TimeSpan.FromMinutes(1));
        await Eventually.UntilAsync(() => handler.CallsFor("test/flaky") == 1, "the first try");

        // Retried 10 s after the failure (Timers:RetryBaseDelay), not before.
        clock.Advance(TimeSpan.FromSeconds(5));
        await Eventually.UntilAsync(() => handler.HasFired("test/marker"), "the marker 5 s after the failure");
        Assert.Equal(1, handler.CallsFor("test/flaky"));

        clock.Advance(TimeSpan.FromSeconds(5));
        await Eventually.UntilAsync(() => handler.CallsFor("test/flaky") == 2, "the second try");

        // The wait doubles: 20 s after the second failure.
        await ScheduleAsync(service, "test/marker", clock.GetUtcNow().AddSeconds(15));
        clock.Advance(TimeSpan.FromSeconds(15));
        await Eventually.UntilAsync(() => handler.Fired.Count(f => f.Subject == "test/marker") == 2, "the second marker");
        Assert.Equal(2, handler.CallsFor("test/flaky"));

        clock.Advance(TimeSpan.FromSeconds(5));
        await Eventually.UntilAsync(() => handler.HasFired("test/flaky"), "the third try, which succeeds");
        Assert.Equal(3, handler.CallsFor("test/flaky"));
        await using var db = service.OpenDatabase();
        Assert.Empty(await TestTimers(db).ToListAsync());
    }
}
