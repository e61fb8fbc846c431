namespace Tamkeen.Core.Feedback;

/// <summary>A suggestion or complaint a beneficiary sent, with the reference number we gave them.</summary>
public sealed class FeedbackItem
{
    public long Id { get; set; }
    public required string Reference { get; set; }
    public long BeneficiaryId { get; set; }
    public FeedbackKind Kind { get; set; }
    public required string Text { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
