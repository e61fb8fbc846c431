using Tamkeen.Core.Requests;

namespace Tamkeen.Host.Requests;

/// <summary>A submitted service request: what the person gave, where it stands, and when the reply is due.</summary>
public sealed class ServiceRequest
{
    public long Id { get; set; }
    public required string Reference { get; set; }
    public long BeneficiaryId { get; set; }
    public required string ServiceId { get; set; }
    public RequestStatus Status { get; set; }
    public string? NationalId { get; set; }
    public string? City { get; set; }

    /// <summary>Every field given, by field code.</summary>
    public required string AnswersJson { get; set; }

    /// <summary>Photos or documents sent with the request (channel file references), as JSON; null when none.</summary>
    public string? AttachmentsJson { get; set; }

    /// <summary>When the person last sent information asked for; staff see that something arrived.</summary>
    public DateTimeOffset? InformationReceivedAt { get; set; }

    public DateTimeOffset SubmittedAt { get; set; }
    public DateTimeOffset DueAt { get; set; }

    /// <summary>Set by the overdue timer when <see cref="DueAt"/> passed without a decision; cleared by a decision.</summary>
    public DateTimeOffset? OverdueSince { get; set; }

    public List<RequestHistoryEntry> History { get; set; } = [];
}

/// <summary>A status change or an internal note, with who and when.</summary>
public sealed class RequestHistoryEntry
{
    public long Id { get; set; }
    public long ServiceRequestId { get; set; }

    /// <summary>The new status, or null for an internal note.</summary>
    public RequestStatus? Status { get; set; }

    /// <summary>Staff's internal note: never sent to the person.</summary>
    public string? Note { get; set; }

    /// <summary>What staff wrote to the person with this entry: sent to them, and the only part they see.</summary>
    public string? MessageToBeneficiary { get; set; }

    /// <summary>Photos or documents the person sent with this entry (information asked for), as JSON.</summary>
    public string? AttachmentsJson { get; set; }

    public required string By { get; set; }
    public DateTimeOffset At { get; set; }
}
