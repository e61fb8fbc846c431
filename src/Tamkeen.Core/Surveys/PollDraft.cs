namespace Tamkeen.Core.Surveys;

/// <summary>The poll sent to the person and not yet answered, expired or left.</summary>
public sealed class PollDraft
{
    public required string Id { get; set; }
    public PollSubject Subject { get; set; }
    public string? Reference { get; set; }
    public PollStep Step { get; set; }

    /// <summary>The person wrote something else since the question: a typed digit is no longer read as a score.</summary>
    public bool Left { get; set; }

    public bool AskResolved { get; set; }
    public bool Reminded { get; set; }
    public int? Score { get; set; }
    public string? Comment { get; set; }
}
