using Tamkeen.Core.Conversations;
using Tamkeen.Core.Handoff;

namespace Tamkeen.Host.Handoff;

public enum CaseStatus
{
    /// <summary>Waiting for a staff member to claim it.</summary>
    Open = 0,
    Claimed = 1,
    /// <summary>Handed back to the bot by staff.</summary>
    Released = 2,
    Closed = 3,
    /// <summary>The person withdrew it before anyone answered.</summary>
    Withdrawn = 4,
}

/// <summary>
/// A conversation handed to staff: why, how urgent, on which channel, who handled it and when each step happened. One
/// open case per person at a time; later triggers are entries on it.
/// </summary>
public sealed class StaffCase
{
    public const int ReferenceMaxLength = 20;
    public const int StaffNameMaxLength = 100;

    public long Id { get; set; }
    public required string Reference { get; set; }
    public long BeneficiaryId { get; set; }
    public CaseReason Reason { get; set; }
    public bool Urgent { get; set; }

    /// <summary>The channel the person wrote on when it opened.</summary>
    public Channel Channel { get; set; }

    public CaseStatus Status { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
    public DateTimeOffset? ClaimedAt { get; set; }
    public string? ClaimedBy { get; set; }
    public DateTimeOffset? FirstReplyAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public string? ClosedBy { get; set; }

    public bool IsActive => Status is CaseStatus.Open or CaseStatus.Claimed;
}
