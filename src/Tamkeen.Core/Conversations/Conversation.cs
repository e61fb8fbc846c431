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

    /// <summary>The service request being filled in: its service, the field asked now, the answers so far (JSON).</summary>
    public string? RequestServiceId { get; set; }
    public Requests.RequestField? RequestField { get; set; }
    public string? RequestAnswersJson { get; set; }

    /// <summary>Failed tries of the field asked now; after three a staff member is offered.</summary>
    public int RequestTries { get; set; }

    /// <summary>Set while a field is changed from the summary, so that the summary comes back next.</summary>
    public bool RequestEditing { get; set; }

    /// <summary>Photos or documents sent while a request is filled in or information is asked (JSON).</summary>
    public string? RequestAttachmentsJson { get; set; }

    /// <summary>A reference asked about from another account, waiting for the ID number on file.</summary>
    public string? FollowUpReference { get; set; }

    /// <summary>When the last message was received; null until the first contact.</summary>
    public DateTimeOffset? LastMessageAt { get; set; }
}
