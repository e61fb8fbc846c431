using Stateless;
using Tamkeen.Core.Feedback;
using Tamkeen.Core.Text;
using S = Tamkeen.Core.Conversations.ConversationState;

namespace Tamkeen.Core.Conversations;

/// <summary>
/// The conversation for one message: a Stateless machine built over the stored <see cref="Conversation"/>.
/// Entry actions only add replies and events; nothing here does I/O.
/// </summary>
internal sealed class ConversationMachine
{
    private const int MinimumFeedbackLetters = 5;

    private readonly Conversation _conversation;
    private readonly BotTexts _texts;
    private readonly CommandLexicon _lexicon;
    private readonly string _reference;
    private readonly StateMachine<S, Trigger> _machine;
    private readonly StateMachine<S, Trigger>.TriggerWithParameters<int> _choose;
    private readonly StateMachine<S, Trigger>.TriggerWithParameters<string> _write;
    private readonly StateMachine<S, Trigger>.TriggerWithParameters<Language> _switchLanguage;

    public ReplyBuilder Reply { get; } = new();
    public List<ConversationEvent> Events { get; } = [];

    public ConversationMachine(Conversation conversation, BotTexts texts, CommandLexicon lexicon, string reference)
    {
        _conversation = conversation;
        _texts = texts;
        _lexicon = lexicon;
        _reference = reference;
        _machine = new StateMachine<S, Trigger>(() => conversation.State, s => conversation.State = s);
        _choose = _machine.SetTriggerParameters<int>(Trigger.Choose);
        _write = _machine.SetTriggerParameters<string>(Trigger.Write);
        _switchLanguage = _machine.SetTriggerParameters<Language>(Trigger.SwitchLanguage);
        Configure();
    }

    public StateMachine<S, Trigger> Machine => _machine;

    public void Fire(Trigger trigger) => _machine.Fire(trigger);
    public void Choose(int number) => _machine.Fire(_choose, number);
    public void Write(string text) => _machine.Fire(_write, text);
    public void SwitchLanguage(Language language) => _machine.Fire(_switchLanguage, language);

    /// <summary>Repeats what the current state asks for, with its buttons.</summary>
    public void Prompt()
    {
        switch (_conversation.State)
        {
            case S.MainMenu: ShowMenu(); break;
            case S.FeedbackKind: AskFeedbackKind(); break;
            case S.FeedbackText: AskFeedbackText(); break;
        }
    }

    public void Say(TextKey key) => Reply.Say(T(key));

    private void Configure()
    {
        _machine.Configure(S.MainMenu)
            .OnEntryFrom(Trigger.Cancel, t => { if (!t.IsReentry) Say(TextKey.Cancelled); }, "say cancelled")
            .OnEntryFrom(_write, (text, t) => { if (t.Source == S.FeedbackText) SubmitFeedback(text); }, "record feedback, thank")
            .OnEntry(() => { _conversation.PendingFeedbackKind = null; ShowMenu(); }, "show menu")
            .PermitReentry(Trigger.ShowMenu)
            .PermitReentry(Trigger.Back)
            .PermitReentry(Trigger.Cancel)
            .PermitIf(_choose, S.FeedbackKind, n => n == 5, "5")
            .InternalTransitionIf(_choose, n => n is >= 1 and <= 4, (n, _) => ComingSoon(n), "1-4: coming soon")
            .InternalTransitionIf(_choose, n => n is < 1 or > 5, (_, _) => NotUnderstood(), "other: not understood")
            .PermitIf(_write, S.FeedbackText, text => KindOf(text) is not null, "suggestion/complaint word")
            .InternalTransitionIf(_write, text => KindOf(text) is null, (_, _) => NotUnderstood(), "other: not understood");

        _machine.Configure(S.FeedbackKind)
            .OnEntry(() => { _conversation.PendingFeedbackKind = null; AskFeedbackKind(); }, "ask kind")
            .Permit(Trigger.ShowMenu, S.MainMenu)
            .Permit(Trigger.Cancel, S.MainMenu)
            .Permit(Trigger.Back, S.MainMenu)
            .PermitIf(_choose, S.FeedbackText, n => n is 1 or 2, "1 suggestion, 2 complaint")
            .InternalTransitionIf(_choose, n => n is not (1 or 2), (_, _) => NotUnderstood(), "other: not understood")
            .PermitIf(_write, S.FeedbackText, text => KindOf(text) is not null, "suggestion/complaint word")
            .InternalTransitionIf(_write, text => KindOf(text) is null, (_, _) => NotUnderstood(), "other: not understood");

        _machine.Configure(S.FeedbackText)
            .OnEntryFrom(_choose, n => _conversation.PendingFeedbackKind = n == 1 ? FeedbackKind.Suggestion : FeedbackKind.Complaint, "keep kind")
            .OnEntryFrom(_write, text => _conversation.PendingFeedbackKind = KindOf(text), "keep kind")
            .OnEntry(AskFeedbackText, "ask text")
            .Permit(Trigger.ShowMenu, S.MainMenu)
            .Permit(Trigger.Cancel, S.MainMenu)
            .Permit(Trigger.Back, S.FeedbackKind)
            .PermitIf(_write, S.MainMenu, IsMeaningfulFeedback, "5+ letters")
            .InternalTransitionIf(_write, text => !IsMeaningfulFeedback(text), (_, _) => Say(TextKey.FeedbackTooShort), "too short")
            .InternalTransition(_choose, (_, _) => Say(TextKey.FeedbackTooShort));

        foreach (var state in Enum.GetValues<S>())
        {
            _machine.Configure(state)
                .InternalTransition(Trigger.AskForPerson, _ => ComingSoon(4))
                .InternalTransition(_switchLanguage, (language, _) =>
                {
                    _conversation.Language = language;
                    Say(TextKey.LanguageSwitched);
                    Prompt();
                });
        }
    }

    private string T(TextKey key) => _texts[_conversation.Language, key];

    private FeedbackKind? KindOf(string text) => _lexicon.Match(ArabicText.Normalize(text)) switch
    {
        Command.Suggestion => FeedbackKind.Suggestion,
        Command.Complaint => FeedbackKind.Complaint,
        _ => null,
    };

    private static bool IsMeaningfulFeedback(string text) => text.Count(char.IsLetter) >= MinimumFeedbackLetters;

    private void ShowMenu()
    {
        Say(TextKey.MenuPrompt);
        Reply.Offer(
        [
            new("1", T(TextKey.MenuAskQuestion)),
            new("2", T(TextKey.MenuSubmitRequest)),
            new("3", T(TextKey.MenuFollowUp)),
            new("4", T(TextKey.MenuTalkToStaff)),
            new("5", T(TextKey.MenuFeedback)),
        ]);
    }

    private void AskFeedbackKind()
    {
        Say(TextKey.FeedbackChooseKind);
        Reply.Offer([new("1", T(TextKey.FeedbackSuggestion)), new("2", T(TextKey.FeedbackComplaint)), .. Navigation()]);
    }

    private void AskFeedbackText()
    {
        Say(_conversation.PendingFeedbackKind == FeedbackKind.Complaint ? TextKey.FeedbackWriteComplaint : TextKey.FeedbackWriteSuggestion);
        Reply.Offer(Navigation());
    }

    private ReplyButton[] Navigation() => [new("back", T(TextKey.ButtonBack)), new("menu", T(TextKey.ButtonMenu))];

    private void NotUnderstood()
    {
        Say(TextKey.NotUnderstood);
        Prompt();
    }

    private void ComingSoon(int menuItem)
    {
        Say(menuItem switch
        {
            1 => TextKey.AskQuestionComingSoon,
            2 => TextKey.SubmitRequestComingSoon,
            3 => TextKey.FollowUpComingSoon,
            _ => TextKey.TalkToStaffComingSoon,
        });
        Prompt();
    }

    private void SubmitFeedback(string text)
    {
        var kind = _conversation.PendingFeedbackKind ?? FeedbackKind.Suggestion;
        Events.Add(new FeedbackSubmitted(kind, text, _reference));
        var thanks = kind == FeedbackKind.Complaint ? TextKey.FeedbackThanksComplaint : TextKey.FeedbackThanksSuggestion;
        Reply.Say(T(thanks).Replace("{reference}", _reference, StringComparison.Ordinal));
    }
}
