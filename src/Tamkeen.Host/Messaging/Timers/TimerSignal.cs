namespace Tamkeen.Host.Messaging.Timers;

/// <summary>
/// Tells the scheduler of a timer committed by this process, so it wakes for one due before the time it sleeps until
/// instead of reading the table every so often.
/// </summary>
public sealed class TimerSignal
{
    private readonly Lock _lock = new();
    private DateTimeOffset _earliestScheduled = DateTimeOffset.MaxValue;
    private DateTimeOffset _sleepingUntil = DateTimeOffset.MinValue;
    private TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Call after the commit that scheduled a timer due at <paramref name="dueAt"/>.</summary>
    public void Scheduled(DateTimeOffset dueAt)
    {
        lock (_lock)
        {
            if (dueAt < _earliestScheduled) _earliestScheduled = dueAt;
            if (dueAt < _sleepingUntil) _wake.TrySetResult();
        }
    }

    /// <summary>
    /// The scheduler calls this before it reads the table: a timer scheduled from here on, even while the table is read,
    /// cuts the next <see cref="WaitAsync"/> short if it is due earlier.
    /// </summary>
    internal void BeginLooking()
    {
        lock (_lock)
        {
            _earliestScheduled = DateTimeOffset.MaxValue;
            _sleepingUntil = DateTimeOffset.MinValue;
            _wake = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    /// <summary>Waits until <paramref name="wakeAt"/>, or less when a timer due earlier is scheduled.</summary>
    /// <remarks>
    /// The delay is measured from the clock here and checked again once it is set, so a clock that moves meanwhile (a
    /// test advancing a fake clock) cannot push the wake-up later.
    /// </remarks>
    internal async Task WaitAsync(DateTimeOffset wakeAt, TimeProvider time, CancellationToken cancellationToken)
    {
        Task woken;
        lock (_lock)
        {
            if (_earliestScheduled < wakeAt) return;
            _sleepingUntil = wakeAt;
            woken = _wake.Task;
        }
        var wait = wakeAt - time.GetUtcNow();
        if (wait <= TimeSpan.Zero) return;
        using var sleep = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(wait, time, sleep.Token);
        if (time.GetUtcNow() < wakeAt) await Task.WhenAny(delay, woken);
        await sleep.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
    }
}
