using Tamkeen.Core.Feedback;

namespace Tamkeen.Core.Conversations;

/// <summary>Where one beneficiary stands in the conversation, and what has been collected so far.</summary>
public sealed class Conversation
{
    public long BeneficiaryId { get; set; }
    public ConversationState State { get; set; } = ConversationState.MainMenu;
    public Language Language { get; set; } = Language.Arabic;
    public FeedbackKind? PendingFeedbackKind { get; set; }

    /// <summary>The last question asked of the guide, kept until it is answered or recorded as unanswered.</summary>
    public string? PendingQuestion { get; set; }
    public Language? QuestionLanguage { get; set; }

    /// <summary>The guide entry last answered, or the ones offered (comma-separated, in the order shown).</summary>
    public string? GuideEntryIds { get; set; }

    /// <summary>When the last message was received; null until the first contact.</summary>
    public DateTimeOffset? LastMessageAt { get; set; }
}
