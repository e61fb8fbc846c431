using Tamkeen.Core.Feedback;

namespace Tamkeen.Host.Feedback;

/// <summary>One thing staff did with a suggestion or complaint: a status, an assignee, a note, or a reply sent to the person.</summary>
public sealed class FeedbackHistoryEntry
{
    public long Id { get; set; }
    public long FeedbackItemId { get; set; }
    public DateTimeOffset At { get; set; }
    public required string By { get; set; }

    /// <summary>The new status, when this entry changed it.</summary>
    public FeedbackStatus? Status { get; set; }

    /// <summary>The new assignee, when this entry assigned it.</summary>
    public string? AssignedTo { get; set; }

    /// <summary>The internal note as saved by this entry: never sent.</summary>
    public string? Note { get; set; }

    /// <summary>The reply sent to the person, exactly as sent.</summary>
    public string? Reply { get; set; }

    /// <summary>The outbox row that carries <see cref="Reply"/>, to show how its delivery went.</summary>
    public long? OutboxMessageId { get; set; }

    public Messaging.OutboxMessage? OutboxMessage { get; set; }
}
