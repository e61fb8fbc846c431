using Tamkeen.Core.Conversations;

namespace Tamkeen.Host.Questions;

/// <summary>A question the guide did not answer (no match, "did not help", or none of the suggestions).</summary>
public sealed class UnansweredQuestion
{
    public long Id { get; set; }
    public long BeneficiaryId { get; set; }
    public required string Question { get; set; }

    /// <summary>The question as matching sees it (spelling folded), so that the same question asked twice counts twice.</summary>
    public required string NormalizedQuestion { get; set; }

    public Language Language { get; set; }
    public UnansweredReason Reason { get; set; }

    /// <summary>For "did not help": the entry whose answer did not help.</summary>
    public string? EntryId { get; set; }

    public DateTimeOffset AskedAt { get; set; }
}
