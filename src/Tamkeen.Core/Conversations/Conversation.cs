using Tamkeen.Core.Feedback;
using Tamkeen.Core.FollowUp;
using Tamkeen.Core.Guide;
using Tamkeen.Core.Handoff;
using Tamkeen.Core.Requests;
using Tamkeen.Core.Surveys;

namespace Tamkeen.Core.Conversations;

/// <summary>
/// Where one beneficiary stands: the state, and one small record per flow that is under way. A flow's record is
/// cleared when the flow is left, however it is left.
/// </summary>
public sealed class Conversation
{
    public long BeneficiaryId { get; set; }
    public ConversationState State { get; set; } = ConversationState.MainMenu;
    public Language Language { get; set; } = Language.Arabic;

    /// <summary>When the person last wrote; null until the first contact.</summary>
    public DateTimeOffset? LastMessageAt { get; set; }

    /// <summary>When the idle timer is set to fire; null while none is set.</summary>
    public DateTimeOffset? IdleTimerAt { get; set; }

    /// <summary>The idle timer started the conversation again; the person is told when they next write.</summary>
    public bool Restarted { get; set; }

    public RequestDraft? Request { get; set; }
    public GuideContext? Guide { get; set; }
    public FeedbackDraft? Feedback { get; set; }
    public InformationDraft? Information { get; set; }

    /// <summary>The person's open case with staff; null when none is open.</summary>
    public HandoffCase? Handoff { get; set; }

    /// <summary>The satisfaction poll sent and not yet answered or expired.</summary>
    public PollDraft? Poll { get; set; }

    /// <summary>When the last poll was sent: at most one per <see cref="PollSettings.MinimumGap"/>.</summary>
    public DateTimeOffset? LastPollSentAt { get; set; }

    /// <summary>The person asked not to be polled («لا أرغب في التقييم»).</summary>
    public bool PollsOptedOut { get; set; }

    /// <summary>Questions in a row the guide did not answer; the second opens a case.</summary>
    public int GuideMisses { get; set; }

    /// <summary>References of the person's requests waiting for information they have not sent yet.</summary>
    public List<string> AwaitedInformation { get; set; } = [];

    /// <summary>Raised by each stored change, so that two writers of one conversation cannot both win.</summary>
    public int Version { get; set; }
}
