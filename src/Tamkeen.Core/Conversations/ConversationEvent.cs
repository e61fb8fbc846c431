using Tamkeen.Core.Feedback;

namespace Tamkeen.Core.Conversations;

/// <summary>Something the conversation decided that the outside world must record or act on.</summary>
public abstract record ConversationEvent;

public sealed record FeedbackSubmitted(FeedbackKind Kind, string Text, string Reference) : ConversationEvent;
