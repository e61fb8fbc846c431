namespace Tamkeen.Host.Messaging;

/// <summary>
/// A reply carried in the answer to the channel's own request instead of sent on its own: Telegram's webhook reply,
/// where the bot answers an update's POST with the method to run. The request waits a little for its message's step;
/// the step takes this slot only for a single reply that may go at once, and stores it as sent in its own commit, so
/// it is answered no sooner than committed and costs no send and no "sent" mark.
/// </summary>
public sealed class InlineReply
{
    /// <summary>The route recorded on a reply that went this way.</summary>
    public const string Route = "webhook-reply";

    private const int Open = 0, Taken = 1, Abandoned = 2;

    private readonly TaskCompletionSource<OutboxMessage?> _reply = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _state;
    private volatile bool _queued;

    /// <summary>The message joined a lane: its step will take this slot or leave it.</summary>
    public void Queued() => _queued = true;

    /// <summary>The step's side: true while the request still waits; the step must then <see cref="Deliver"/>.</summary>
    public bool TryTake() => Interlocked.CompareExchange(ref _state, Taken, Open) == Open;

    /// <summary>The reply committed for the request to carry, or null for none (nothing taken, or the commit failed).</summary>
    public void Deliver(OutboxMessage? committed) => _reply.TrySetResult(committed);

    /// <summary>
    /// The request's side: the reply to carry, or null when the step left the slot or took longer than
    /// <paramref name="wait"/> (its replies then go through the outbox).
    /// </summary>
    /// <param name="orphaned">
    /// Called with the reply when the request is cancelled (the connection closed) after the step took the slot: no one
    /// carries it then, so it must be sent the usual way.
    /// </param>
    public async Task<OutboxMessage?> WaitAsync(TimeSpan wait, TimeProvider time, Action<OutboxMessage> orphaned, CancellationToken cancellationToken)
    {
        if (!_queued && !_reply.Task.IsCompleted) return null;
        try
        {
            return await _reply.Task.WaitAsync(wait, time, cancellationToken);
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
            if (Interlocked.CompareExchange(ref _state, Abandoned, Open) == Open) return null;
            if (e is TimeoutException) return await _reply.Task; // taken just as the wait ended: its commit is under way
            _ = _reply.Task.ContinueWith(done => { if (done.Result is { } row) orphaned(row); }, TaskScheduler.Default);
            throw;
        }
    }
}
