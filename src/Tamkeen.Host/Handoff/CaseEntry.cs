namespace Tamkeen.Host.Handoff;

public enum CaseEntryKind
{
    Opened = 0,
    /// <summary>Another trigger on the open case (asked again, urgency words).</summary>
    Raised = 1,
    PersonWrote = 2,
    Claimed = 3,
    StaffReplied = 4,
    Released = 5,
    Closed = 6,
    Reopened = 7,
    Withdrawn = 8,
    /// <summary>Still unclaimed after Handoff:UnclaimedAfter: posted again, mentioning the managers.</summary>
    Reposted = 9,
    /// <summary>Still without a staff reply after Handoff:UnansweredAfter.</summary>
    StillUnanswered = 10,
}

/// <summary>
/// One step of a case's timeline. Each entry is announced once to every <see cref="ICaseAlerter"/> (the staff group, the
/// console, the webhook) after its commit, through a timer stored with it (<see cref="NoticeKey"/>).
/// </summary>
public sealed class CaseEntry
{
    public long Id { get; set; }
    public long CaseId { get; set; }
    public StaffCase? Case { get; set; }
    public DateTimeOffset At { get; set; }
    public CaseEntryKind Kind { get; set; }

    /// <summary>The staff member's user name; null for the person and the service.</summary>
    public string? By { get; set; }

    /// <summary>What the person or staff wrote; the reason for a raise.</summary>
    public string? Text { get; set; }

    public string? AttachmentsJson { get; set; }

    /// <summary>The stored input this entry came from: the person's message, or the staff action given to their lane.</summary>
    public long? InboxMessageId { get; set; }
    public Messaging.InboxMessage? InboxMessage { get; set; }

    public Guid NoticeKey { get; set; } = Guid.NewGuid();
}
