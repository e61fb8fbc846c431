using Tamkeen.Host.Data;

namespace Tamkeen.Host.Messaging.Timers;

/// <summary>A timer that fires into a person's lane: the input it becomes is stored in the change that deletes it.</summary>
public static class TimerInputs
{
    /// <param name="input">Makes the input; called inside the change, since a change that only adds may run twice.</param>
    public static async Task StoreAsync(DatabaseWriter writer, ConversationLanes lanes, DueTimer timer, Func<InboxMessage>? input, CancellationToken cancellationToken)
    {
        InboxMessage? stored = null;
        await writer.WriteAsync(async (db, ct) =>
        {
            stored = null;
            if (!await TimerTable.DeleteFiredAsync(db, timer, ct) || input is null) return;
            db.Inbox.Add(stored = input());
        }, committed: () =>
        {
            if (stored is not null) lanes.Enqueue(stored);
        }, cancellationToken);
    }
}
