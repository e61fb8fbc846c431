using System.Threading.Channels;

namespace Tamkeen.Host.Messaging;

/// <summary>Wakes a dispatcher at the time it set, or sooner when rung (a retry was scheduled that may be earlier).</summary>
internal sealed class RetryAlarm
{
    private readonly Channel<bool> _rung = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Ring() => _rung.Writer.TryWrite(true);

    /// <remarks>
    /// The delay is measured from the clock right here, not from when the caller chose the wake-up time,
    /// so a clock that moves meanwhile (a test advancing a fake clock) cannot push the wake-up later.
    /// </remarks>
    public async Task WaitAsync(DateTimeOffset wakeAt, TimeProvider time, CancellationToken cancellationToken)
    {
        if (_rung.Reader.TryRead(out _)) return;
        var wait = wakeAt - time.GetUtcNow();
        if (wait <= TimeSpan.Zero) return;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(wait, time, timeout.Token);
        var rung = _rung.Reader.WaitToReadAsync(timeout.Token).AsTask();
        await Task.WhenAny(delay, rung);
        await timeout.CancelAsync();
        _rung.Reader.TryRead(out _);
        cancellationToken.ThrowIfCancellationRequested();
    }
}
