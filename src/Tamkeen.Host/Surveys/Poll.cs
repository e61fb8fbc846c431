using Tamkeen.Core.Surveys;

namespace Tamkeen.Host.Surveys;

/// <summary>
/// One satisfaction poll: what it rates, who handled that when it was sent, the outcome beside it, and the answer —
/// or why it was not sent. Reports count from this table.
/// </summary>
public sealed class Poll
{
    public long Id { get; set; }

    /// <summary>POL-{input}; null for a poll that was not sent.</summary>
    public string? PollId { get; set; }

    public long BeneficiaryId { get; set; }
    public PollSubject Subject { get; set; }
    public string? Reference { get; set; }
    public string? HandledBy { get; set; }
    public string? Outcome { get; set; }
    public Core.Conversations.Channel Channel { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public PollNotSentReason? NotSentReason { get; set; }
    public int? Score { get; set; }
    public string? Comment { get; set; }
    public bool? Resolved { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    public DateTimeOffset? ExpiredAt { get; set; }
}
