using System.Threading.Channels;

namespace Tamkeen.Host.Messaging;

/// <summary>Wakes the dispatcher when replies were stored, so it need not poll quickly.</summary>
public sealed class OutboxSignal
{
    private readonly Channel<bool> _signal = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Notify() => _signal.Writer.TryWrite(true);

    /// <summary>Waits for a notification or until <paramref name="wakeAt"/>, whichever comes first.</summary>
    /// <remarks>
    /// The delay is measured from the clock right here, not from when the caller chose the wake-up time,
    /// so a clock that moves meanwhile (a test advancing a fake clock) cannot push the wake-up later.
    /// </remarks>
    public async Task WaitAsync(DateTimeOffset wakeAt, TimeProvider time, CancellationToken cancellationToken)
    {
        if (_signal.Reader.TryRead(out _)) return;
        var wait = wakeAt - time.GetUtcNow();
        if (wait <= TimeSpan.Zero) return;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(wait, time, timeout.Token);
        var notified = _signal.Reader.WaitToReadAsync(timeout.Token).AsTask();
        await Task.WhenAny(delay, notified);
        await timeout.CancelAsync();
        _signal.Reader.TryRead(out _);
        cancellationToken.ThrowIfCancellationRequested();
    }
}
