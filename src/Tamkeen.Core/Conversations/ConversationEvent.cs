using Tamkeen.Core.Feedback;
using Tamkeen.Core.Requests;

namespace Tamkeen.Core.Conversations;

/// <summary>Something the conversation decided that the outside world must record or act on.</summary>
public abstract record ConversationEvent;

public sealed record FeedbackSubmitted(FeedbackKind Kind, string Text, string Reference) : ConversationEvent;

public enum UnansweredReason
{
    /// <summary>Nothing in the guide fitted the question.</summary>
    NoMatch,
    /// <summary>The person said the answer did not help.</summary>
    NotHelpful,
    /// <summary>The person said none of the suggested questions was theirs.</summary>
    NoneOfTheSuggestions,
}

/// <summary>A question the guide did not answer; staff read the most frequent ones to improve the guide.</summary>
public sealed record QuestionUnanswered(string Question, Language Language, UnansweredReason Reason, string? EntryId) : ConversationEvent;

/// <summary>A service request confirmed by the person; the host stores it and management studies it.</summary>
public sealed record RequestSubmitted(
    string Reference, string ServiceId, IReadOnlyDictionary<RequestField, string> Answers, DateTimeOffset SubmittedAt, DateTimeOffset DueAt,
    IReadOnlyList<Attachment> Attachments)
    : ConversationEvent;

/// <summary>
/// The person sent STOP (<paramref name="Subscribed"/> false) or START on SMS or WhatsApp; the host marks every
/// SMS and WhatsApp identity of their number, so that nothing more is sent there until START.
/// </summary>
public sealed record SubscriptionChanged(bool Subscribed) : ConversationEvent;

/// <summary>One message or file the person sent for a request that needs information; the host adds it to the request.</summary>
public sealed record RequestInformationGiven(string Reference, string Text, IReadOnlyList<Attachment> Attachments) : ConversationEvent;

public enum ForeignAccess
{
    /// <summary>A new request of the same service with the same national ID.</summary>
    SameServiceAndId,
    /// <summary>The request's reference typed to follow it up.</summary>
    TypedReference,
}

/// <summary>
/// Someone reached a request of another account (told nothing about it); staff see the attempt on the request.
/// </summary>
public sealed record ForeignRequestAttempted(string Reference, ForeignAccess How) : ConversationEvent;

/// <summary>
/// A question put to the services guide, whatever it answered: the reports' count of questions. Each question ends as
/// answered or as one <see cref="QuestionUnanswered"/> (no match, did not help, none of the suggestions).
/// </summary>
public sealed record GuideQuestionAsked(Language Language) : ConversationEvent;

/// <summary>A guide answer the person did not rate (helpful or not): a light poll may follow.</summary>
public sealed record GuideAnswerUnrated(string EntryId) : ConversationEvent;
