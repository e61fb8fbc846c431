using Tamkeen.Core.Conversations;

namespace Tamkeen.Core.Surveys;

/// <param name="HandledBy">The staff member who handled what is rated when the poll was sent (not whoever holds it later).</param>
/// <param name="Outcome">The request's outcome (Completed, Rejected) kept beside the answer.</param>
public sealed record PollSent(string PollId, PollSubject Subject, string? Reference, string? HandledBy, string? Outcome) : ConversationEvent;

public sealed record PollNotSent(PollSubject Subject, string? Reference, PollNotSentReason Reason) : ConversationEvent;

public sealed record PollAnswered(string PollId, int Score, string? Comment, bool? Resolved) : ConversationEvent;

public sealed record PollExpired(string PollId) : ConversationEvent;

/// <summary>An answer to a poll that had already expired: thanked, not counted.</summary>
public sealed record PollAnsweredLate(string PollId) : ConversationEvent;

public sealed record PollsOptedOut : ConversationEvent;
