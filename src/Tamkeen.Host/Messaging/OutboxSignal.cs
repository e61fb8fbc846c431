using System.Threading.Channels;

namespace Tamkeen.Host.Messaging;

/// <summary>Wakes the dispatcher when replies were stored, so it need not poll quickly.</summary>
public sealed class OutboxSignal
{
    private readonly Channel<bool> _signal = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Notify() => _signal.Writer.TryWrite(true);

    /// <summary>Waits for a notification or the poll interval, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan pollInterval, TimeProvider time, CancellationToken cancellationToken)
    {
        if (_signal.Reader.TryRead(out _)) return;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(pollInterval, time, timeout.Token);
        var notified = _signal.Reader.WaitToReadAsync(timeout.Token).AsTask();
        await Task.WhenAny(delay, notified);
        await timeout.CancelAsync();
        _signal.Reader.TryRead(out _);
        cancellationToken.ThrowIfCancellationRequested();
    }
}
