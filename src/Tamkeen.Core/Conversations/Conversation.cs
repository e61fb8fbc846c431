using Tamkeen.Core.Feedback;

namespace Tamkeen.Core.Conversations;

/// <summary>Where one beneficiary stands in the conversation, and what has been collected so far.</summary>
public sealed class Conversation
{
    public long BeneficiaryId { get; set; }
    public ConversationState State { get; set; } = ConversationState.MainMenu;
    public Language Language { get; set; } = Language.Arabic;
    public FeedbackKind? PendingFeedbackKind { get; set; }

    /// <summary>When the last message was received; null until the first contact.</summary>
    public DateTimeOffset? LastMessageAt { get; set; }
}
