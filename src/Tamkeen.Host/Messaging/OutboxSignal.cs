using Tamkeen.Host.Data;

namespace Tamkeen.Host.Messaging;

/// <summary>
/// Hands the replies a commit stored to their channels' dispatchers, so none of them reads the outbox to find them.
/// </summary>
public sealed class OutboxSignal(OutboxDispatcher dispatcher, DatabaseWriter writer)
{
    /// <summary>The columns <see cref="OutboxMessage.NotCarried"/> changes.</summary>
    private static readonly string[] CarriedColumns =
    [
        nameof(OutboxMessage.Status), nameof(OutboxMessage.Attempts), nameof(OutboxMessage.SentAt), nameof(OutboxMessage.ProviderStatus),
        nameof(OutboxMessage.Route),
    ];

    /// <summary>Whether a reply about to be committed may go in the answer to its channel's request now (<see cref="InlineReply"/>).</summary>
    public bool MayCarry(OutboxMessage row) => dispatcher.TryCarry(row);

    /// <summary>
    /// Call right after the commit that stored <paramref name="rows"/> (so they carry their ids), with the entities that
    /// were added, and do not change them afterwards. Rows stored as failed, or as sent in a request's answer, are left
    /// alone.
    /// </summary>
    /// <remarks>
    /// Only queues; it does not wait for a send. A row stored but never handed over is sent after the next restart.
    /// </remarks>
    public void Committed(IReadOnlyList<OutboxMessage> rows)
    {
        if (rows.Any(row => row.Id <= 0))
            throw new ArgumentException("A row has no id yet: hand rows over after the commit that stored them.", nameof(rows));
        foreach (var row in rows)
        {
            if (row.Status == DeliveryStatus.Pending) dispatcher.Accept(row);
        }
    }

    /// <summary>
    /// A reply committed as carried in a request's answer that the request did not carry (its connection closed first):
    /// stored as pending again and sent the usual way.
    /// </summary>
    /// <remarks>
    /// Handed to the dispatcher even if storing it as pending fails: no one awaits this, so that failure would otherwise
    /// leave a reply recorded as sent that was never sent. The send records its own outcome on the row.
    /// </remarks>
    public async Task NotCarriedAsync(OutboxMessage row)
    {
        row.NotCarried();
        try
        {
            await writer.WriteAtOnceAsync(db => db.Rows.Update(row, CarriedColumns), CancellationToken.None);
        }
        finally
        {
            dispatcher.Accept(row);
        }
    }
}
