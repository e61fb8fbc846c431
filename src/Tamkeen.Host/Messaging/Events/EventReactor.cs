using Tamkeen.Core.Conversations;

namespace Tamkeen.Host.Messaging.Events;

/// <summary>
/// Does what one type of event calls for after its commit (a staff alert, a webhook). Driven from the stored event, so a
/// crash never loses one; run at least once, so it must be idempotent (the stored event's id is its key).
/// </summary>
public interface IEventReactor
{
    /// <summary>Unique among reactors; names the reaction in the timer table.</summary>
    string Name { get; }

    Type EventType { get; }

    Task ReactAsync(StoredEvent stored, ConversationEvent e, CancellationToken cancellationToken);
}

public abstract class EventReactor<TEvent> : IEventReactor where TEvent : ConversationEvent
{
    public virtual string Name => GetType().Name;

    public Type EventType => typeof(TEvent);

    public Task ReactAsync(StoredEvent stored, ConversationEvent e, CancellationToken cancellationToken) =>
        ReactAsync(stored, (TEvent)e, cancellationToken);

    protected abstract Task ReactAsync(StoredEvent stored, TEvent e, CancellationToken cancellationToken);
}
