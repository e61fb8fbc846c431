using Tamkeen.Core.Conversations;
using Tamkeen.Core.Handoff;
using Tamkeen.Core.Text;
using S = Tamkeen.Core.Conversations.ConversationState;

namespace Tamkeen.Core.Feedback;

/// <summary>Suggestions and complaints (menu 5): the kind, then the text, stored with a reference.</summary>
internal sealed class FeedbackFlow(ConversationMachine m)
{
    private const int MinimumFeedbackLetters = 5;

    public void Configure()
    {
        m.Machine.Configure(S.GivingFeedback)
            .SubstateOf(S.Dialog)
            .OnExit(() => m.Conversation.Feedback = null, "forget the kind");

        m.Machine.Configure(S.MainMenu)
            .Permit(Trigger.FeedbackKindNamed, S.FeedbackText);

        m.Machine.Configure(S.FeedbackKind)
            .SubstateOf(S.GivingFeedback)
            .OnEntry(AskKind, "ask kind")
            .Permit(Trigger.Back, S.MainMenu)
            .PermitIf(m.ChooseTrigger, S.FeedbackText, n => n is 1 or 2, "1 suggestion, 2 complaint")
            .InternalTransitionIf(m.ChooseTrigger, n => n is not (1 or 2), (_, _) => m.NotUnderstood(), "other: not understood")
            .Permit(Trigger.FeedbackKindNamed, S.FeedbackText)
            .InternalTransition(m.WriteTrigger, (text, _) =>
            {
                if (KindOf(text) is { } kind) m.Machine.Fire(m.FeedbackKindTrigger, kind);
                else m.NotUnderstood();
            })
            .InternalTransition(Trigger.Prompt, AskKind);

        m.Machine.Configure(S.FeedbackText)
            .SubstateOf(S.GivingFeedback)
            .OnEntryFrom(m.ChooseTrigger, n => Keep(n == 1 ? FeedbackKind.Suggestion : FeedbackKind.Complaint), "keep kind")
            .OnEntryFrom(m.FeedbackKindTrigger, Keep, "keep kind")
            .OnEntry(AskText, "ask text")
            .Permit(Trigger.Back, S.FeedbackKind)
            .InternalTransition(m.WriteTrigger, (text, _) =>
            {
                if (text.Count(char.IsLetter) < MinimumFeedbackLetters) m.Say(TextKey.FeedbackTooShort);
                else Submit(text);
            })
            .InternalTransition(m.ChooseTrigger, (_, _) => m.Say(TextKey.FeedbackTooShort))
            .InternalTransition(Trigger.Prompt, AskText);
    }

    public FeedbackKind? KindOf(string text) => m.Content.Lexicon.Match(ArabicText.Normalize(text)) switch
    {
        Command.Suggestion => FeedbackKind.Suggestion,
        Command.Complaint => FeedbackKind.Complaint,
        _ => null,
    };

    private FeedbackKind Kind => m.Conversation.Feedback?.Kind ?? FeedbackKind.Suggestion;

    private void Keep(FeedbackKind kind) => m.Conversation.Feedback = new FeedbackDraft { Kind = kind };

    private void AskKind()
    {
        m.Say(TextKey.FeedbackChooseKind);
        m.Reply.Offer([new("1", m.T(TextKey.FeedbackSuggestion)), new("2", m.T(TextKey.FeedbackComplaint)), .. m.Navigation()]);
    }

    private void AskText()
    {
        m.Say(Kind == FeedbackKind.Complaint ? TextKey.FeedbackWriteComplaint : TextKey.FeedbackWriteSuggestion);
        m.Reply.Offer(m.Navigation());
    }

    private void Submit(string text)
    {
        var kind = Kind;
        var reference = FeedbackReference.Create(kind, m.At, m.Input.Number);
        m.Events.Add(new FeedbackSubmitted(kind, text, reference));
        var thanks = kind == FeedbackKind.Complaint ? TextKey.FeedbackThanksComplaint : TextKey.FeedbackThanksSuggestion;
        m.Reply.Say(m.T(thanks).Replace("{reference}", m.Ltr(reference), StringComparison.Ordinal));
        if (kind == FeedbackKind.Complaint && m.Settings.HandoffRules.ComplaintsOpenCase) m.Handoff.OpenFor(CaseReason.Complaint, text, aside: true);
        m.Fire(Trigger.ShowMenu);
    }
}
