using System.Collections.Concurrent;
using System.Threading.Channels;
using Tamkeen.Core.Conversations;
using Channel = Tamkeen.Core.Conversations.Channel;

namespace Tamkeen.Host.Messaging;

/// <summary>Wakes each channel's dispatcher when replies were stored or a send finished, so none need poll quickly.</summary>
public sealed class OutboxSignal
{
    private readonly ConcurrentDictionary<Channel, Channel<bool>> _signals = new();

    public void Notify()
    {
        foreach (var signal in _signals.Values) signal.Writer.TryWrite(true);
    }

    public void Notify(Channel channel) => For(channel).Writer.TryWrite(true);

    /// <summary>Waits for a notification for <paramref name="channel"/> or until <paramref name="wakeAt"/>, whichever comes first.</summary>
    /// <remarks>
    /// The delay is measured from the clock right here, not from when the caller chose the wake-up time,
    /// so a clock that moves meanwhile (a test advancing a fake clock) cannot push the wake-up later.
    /// </remarks>
    public async Task WaitAsync(Channel channel, DateTimeOffset wakeAt, TimeProvider time, CancellationToken cancellationToken)
    {
        var signal = For(channel);
        if (signal.Reader.TryRead(out _)) return;
        var wait = wakeAt - time.GetUtcNow();
        if (wait <= TimeSpan.Zero) return;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(wait, time, timeout.Token);
        var notified = signal.Reader.WaitToReadAsync(timeout.Token).AsTask();
        await Task.WhenAny(delay, notified);
        await timeout.CancelAsync();
        signal.Reader.TryRead(out _);
        cancellationToken.ThrowIfCancellationRequested();
    }

    private Channel<bool> For(Channel channel) => _signals.GetOrAdd(channel,
        _ => System.Threading.Channels.Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite }));
}
