using Tamkeen.Core.Conversations;
using Tamkeen.Host.Data;

namespace Tamkeen.Host.Messaging.Events;

/// <param name="Input">The stored input whose step raised the event.</param>
/// <param name="Now">The commit's one reading of the clock.</param>
public sealed record RecordContext(InboxMessage Input, DateTimeOffset Now)
{
    /// <summary>A recorder scheduled a timer: the scheduler is told after the commit.</summary>
    public bool TimerScheduled { get; set; }
}

/// <summary>Writes what one type of event creates (a request, a feedback item…), inside the transaction that stores the event.</summary>
public interface IEventRecorder
{
    Type EventType { get; }

    Task RecordAsync(TamkeenDb db, RecordContext context, ConversationEvent e, CancellationToken cancellationToken);
}

public abstract class EventRecorder<TEvent> : IEventRecorder where TEvent : ConversationEvent
{
    public Type EventType => typeof(TEvent);

    public Task RecordAsync(TamkeenDb db, RecordContext context, ConversationEvent e, CancellationToken cancellationToken) =>
        RecordAsync(db, context, (TEvent)e, cancellationToken);

    protected abstract Task RecordAsync(TamkeenDb db, RecordContext context, TEvent e, CancellationToken cancellationToken);
}
