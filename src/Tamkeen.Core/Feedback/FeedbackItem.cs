namespace Tamkeen.Core.Feedback;

/// <summary>A suggestion or complaint a beneficiary sent, with the reference number we gave them, and where staff are with it.</summary>
public sealed class FeedbackItem
{
    public const int AssigneeMaxLength = 256;
    public const int NoteMaxLength = 4000;

    public long Id { get; set; }
    public required string Reference { get; set; }
    public long BeneficiaryId { get; set; }
    public FeedbackKind Kind { get; set; }
    public required string Text { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public FeedbackStatus Status { get; set; }

    /// <summary>The user name of the member of staff handling it; null while nobody is.</summary>
    public string? AssignedTo { get; set; }

    /// <summary>Staff's own note on it: never sent to the person.</summary>
    public string? InternalNote { get; set; }

    /// <summary>When staff last changed anything of it.</summary>
    public DateTimeOffset? UpdatedAt { get; set; }
}
