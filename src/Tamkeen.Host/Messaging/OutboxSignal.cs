namespace Tamkeen.Host.Messaging;

/// <summary>
/// Hands the replies a commit stored to their channels' dispatchers, so none of them reads the outbox to find them.
/// </summary>
public sealed class OutboxSignal(OutboxDispatcher dispatcher)
{
    /// <summary>
    /// Call right after the commit that stored <paramref name="rows"/> (so they carry their ids), with the entities that
    /// were added, and do not change them afterwards. Rows stored as failed are left alone.
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
}
