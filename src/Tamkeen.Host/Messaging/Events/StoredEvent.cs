namespace Tamkeen.Host.Messaging.Events;

/// <summary>
/// Something a conversation decided, stored in the same commit as the new state: what recorders wrote from it, and
/// what reactions after the commit start from.
/// </summary>
public sealed class StoredEvent
{
    public long Id { get; set; }
    public long BeneficiaryId { get; set; }
    public long InboxMessageId { get; set; }

    /// <summary>The event's type name, e.g. "RequestSubmitted".</summary>
    public required string Type { get; set; }

    public required string PayloadJson { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
