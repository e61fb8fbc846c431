using Stateless;
using Tamkeen.Core.Feedback;
using Tamkeen.Core.Guide;
using Tamkeen.Core.Requests;
using Tamkeen.Core.Text;
using S = Tamkeen.Core.Conversations.ConversationState;

namespace Tamkeen.Core.Conversations;

/// <summary>
/// The conversation for one message: a Stateless machine built over the stored <see cref="Conversation"/>.
/// Entry actions only add replies and events; nothing here does I/O.
/// </summary>
internal sealed partial class ConversationMachine
{
    private const int MinimumFeedbackLetters = 5;

    private readonly Conversation _conversation;
    private readonly BotTexts _texts;
    private readonly CommandLexicon _lexicon;
    private readonly IGuide _guide;
    private readonly ServiceCatalogue _services;
    private readonly IRequestLookup _requests;
    private readonly string _reference;
    private readonly DateTimeOffset _receivedAt;
    private readonly Channel _channel;
    private readonly StateMachine<S, Trigger> _machine;
    private readonly StateMachine<S, Trigger>.TriggerWithParameters<int> _choose;
    private readonly StateMachine<S, Trigger>.TriggerWithParameters<string> _write;
    private readonly StateMachine<S, Trigger>.TriggerWithParameters<Language> _switchLanguage;
    private readonly StateMachine<S, Trigger>.TriggerWithParameters<GuideMatch> _ask;

    public ReplyBuilder Reply { get; } = new();
    public List<ConversationEvent> Events { get; } = [];

    /// <param name="channel">Where the reply goes: SMS gets the shorter wording.</param>
    public ConversationMachine(Conversation conversation, ConversationContent content, string reference, DateTimeOffset receivedAt, Channel channel)
    {
        _channel = channel;
        _conversation = conversation;
        _texts = content.Texts;
        _lexicon = content.Lexicon;
        _guide = content.Guide;
        _services = content.Services;
        _requests = content.Requests;
        _reference = reference;
        _receivedAt = receivedAt;
        _machine = new StateMachine<S, Trigger>(() => conversation.State, s => conversation.State = s);
        _choose = _machine.SetTriggerParameters<int>(Trigger.Choose);
        _write = _machine.SetTriggerParameters<string>(Trigger.Write);
        _switchLanguage = _machine.SetTriggerParameters<Language>(Trigger.SwitchLanguage);
        _ask = _machine.SetTriggerParameters<GuideMatch>(Trigger.Ask);
        ConfigureRequests();
        Configure();
    }

    public StateMachine<S, Trigger> Machine => _machine;

    public void Fire(Trigger trigger) => _machine.Fire(trigger);
    public void Choose(int number) => _machine.Fire(_choose, number);

    /// <summary>Steps that take what is typed as a value: a number there is an answer ("0" an income), not a choice or a command.</summary>
    public bool ReadsNumbersAsText => _conversation.State is S.RequestField or S.FollowUpIdentity or S.RequestInformation;

    /// <summary>Free text: a question for the guide where one is welcome, otherwise what the current step asks for.</summary>
    public void Write(string text)
    {
        if (_conversation.State == S.RequestField) AnswerField(text);
        else if (_conversation.State == S.FollowUpIdentity)
        {
            CheckIdentity(text);
            _machine.Fire(_write, text);
        }
        else if (_conversation.State == S.MainMenu && RequestReference.Find(text) is { } reference) _machine.Fire(_referenceTyped, reference);
        else if (_conversation.State == S.AnswerFeedback && YesOrNo(text) is { } helped) Choose(helped ? 1 : 2);
        else if (TakesQuestions(text)) _machine.Fire(_ask, _guide.Ask(text));
        else _machine.Fire(_write, text);
    }

    /// <summary>After the welcome: answer a first message that is a question, otherwise show the menu.</summary>
    public void WriteAfterWelcome(string text)
    {
        var match = TakesQuestions(text) ? _guide.Ask(text) : null;
        if (match is null || match.Decision == GuideDecision.Fallback) Prompt();
        else _machine.Fire(_ask, match);
    }
    public void SwitchLanguage(Language language) => _machine.Fire(_switchLanguage, language);

    /// <summary>Repeats what the current state asks for, with its buttons.</summary>
    public void Prompt()
    {
        switch (_conversation.State)
        {
            case S.MainMenu: ShowMenu(); break;
            case S.FeedbackKind: AskFeedbackKind(); break;
            case S.FeedbackText: AskFeedbackText(); break;
            case S.Question: AskForQuestion(); break;
            case S.AnswerFeedback: AskIfHelpful(_conversation.QuestionLanguage ?? _conversation.Language); break;
            case S.Suggestions: OfferSuggestions(); break;
            case S.RequestService: OfferServices(); break;
            case S.RequestField: AskField(); break;
            case S.RequestSummary: ShowSummary(); break;
            case S.RequestEditPick: OfferFieldsToEdit(); break;
            case S.RequestInformation: AskInformation(); break;
            case S.FollowUpIdentity:
                Say(TextKey.FollowUpAskId);
                Reply.Offer(Navigation());
                break;
        }
    }

    public void Say(TextKey key) => Reply.Say(T(key));

    private void Configure()
    {
        _machine.Configure(S.MainMenu)
            .OnEntryFrom(Trigger.Cancel, t => { if (!t.IsReentry) Say(TextKey.Cancelled); }, "say cancelled")
            .OnEntryFrom(_write, (text, t) =>
            {
                if (t.Source == S.FeedbackText) SubmitFeedback(text);
                else if (t.Source == S.RequestInformation) AttachInformation(text);
            }, "record feedback or information, thank")
            .OnEntryFrom(_choose, (_, t) => { if (t.Source == S.AnswerFeedback) Say(TextKey.AnswerGlad); }, "glad it helped")
            .OnEntryFrom(_choose, (n, t) =>
            {
                if (t.Source != S.RequestSummary) return;
                if (n == 1) Submit();
                else Say(TextKey.Cancelled);
            }, "submit, or say cancelled")
            .OnEntryFrom(_duplicate, TellDuplicate, "tell the open request")
            .OnEntry(() =>
            {
                _conversation.PendingFeedbackKind = null;
                ClearQuestion();
                ClearRequest();
                _conversation.FollowUpReference = null;
                ShowMenu();
            }, "show menu")
            .PermitReentry(Trigger.ShowMenu)
            .PermitReentry(Trigger.Back)
            .PermitReentry(Trigger.Cancel)
            .PermitIf(_choose, S.Question, n => n == 1, "1")
            .PermitIf(_choose, S.FeedbackKind, n => n == 5, "5")
            .PermitIf(_choose, S.RequestService, n => n == 2, "2")
            .InternalTransitionIf(_choose, n => n == 3, (_, _) => ListOwnRequests(), "3: own requests")
            .InternalTransitionIf(_choose, n => n == 4, (_, _) => TalkToStaffLater(), "4: coming soon")
            .PermitIf(_referenceTyped, S.FollowUpIdentity, BelongsToAnother, "another account's reference")
            .InternalTransitionIf(_referenceTyped, r => !BelongsToAnother(r), (r, _) => ShowReference(r), "own reference")
            .InternalTransitionIf(_choose, n => n is < 1 or > 5, (_, _) => NotUnderstood(), "other: not understood")
            .PermitIf(_write, S.FeedbackText, text => KindOf(text) is not null, "suggestion/complaint word");
        PermitQuestions(S.MainMenu);

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

        _machine.Configure(S.Question)
            .OnEntryFrom(_ask, RecordNoMatch, "not sure, record")
            .OnEntry(t =>
            {
                if (t.Trigger == Trigger.Ask) return;
                if (t.Trigger == Trigger.Choose && t.Source == S.AnswerFeedback) NotAnswered(UnansweredReason.NotHelpful);
                else if (t.Trigger == Trigger.Choose && t.Source == S.Suggestions) NotAnswered(UnansweredReason.NoneOfTheSuggestions);
                else AskForQuestion();
            }, "ask for question, or sorry and record")
            .Permit(Trigger.ShowMenu, S.MainMenu)
            .Permit(Trigger.Cancel, S.MainMenu)
            .Permit(Trigger.Back, S.MainMenu)
            .InternalTransition(_choose, (_, _) => { Say(TextKey.QuestionInWords); AskForQuestion(); });
        PermitQuestions(S.Question);

        _machine.Configure(S.AnswerFeedback)
            .OnEntryFrom(_ask, m => Answer(m.Best!, m.Language, m.Question), "answer")
            .OnEntryFrom(_choose, n => AnswerSuggestion(n), "answer chosen")
            .Permit(Trigger.ShowMenu, S.MainMenu)
            .Permit(Trigger.Cancel, S.MainMenu)
            .Permit(Trigger.Back, S.Question)
            .PermitIf(_choose, S.MainMenu, n => n == 1, "1 helped")
            .PermitIf(_choose, S.Question, n => n == 2, "2 did not help")
            .InternalTransitionIf(_choose, n => n == 3, (_, _) => TalkToStaffLater(), "3 person")
            .InternalTransitionIf(_choose, n => n is < 1 or > 3, (_, _) => NotUnderstood(), "other: not understood");
        PermitQuestions(S.AnswerFeedback);

        _machine.Configure(S.Suggestions)
            .OnEntryFrom(_ask, Suggest, "offer titles")
            .Permit(Trigger.ShowMenu, S.MainMenu)
            .Permit(Trigger.Cancel, S.MainMenu)
            .Permit(Trigger.Back, S.Question)
            .PermitIf(_choose, S.AnswerFeedback, n => n >= 1 && n <= SuggestedIds().Length, "one of them")
            .PermitIf(_choose, S.Question, n => n == SuggestedIds().Length + 1, "none of them")
            .InternalTransitionIf(_choose, n => n < 1 || n > SuggestedIds().Length + 1, (_, _) => NotUnderstood(), "other: not understood");
        PermitQuestions(S.Suggestions);

        foreach (var state in Enum.GetValues<S>())
        {
            var configuration = _machine.Configure(state);
            if (state == S.RequestInformation) configuration.PermitReentry(_notice.Trigger);
            else configuration.Permit(_notice.Trigger, S.RequestInformation);
            configuration
                .InternalTransition(Trigger.AskForPerson, _ => TalkToStaffLater())
                .InternalTransition(_switchLanguage, (language, _) =>
                {
                    _conversation.Language = language;
                    Say(TextKey.LanguageSwitched);
                    Prompt();
                });
        }
    }

    private string T(TextKey key) => T(_conversation.Language, key);

    private string T(Language language, TextKey key) => _texts[language, key, _channel];

    /// <summary>Where a question may be asked, the guide's decision picks the next state.</summary>
    private void PermitQuestions(S state)
    {
        var configuration = _machine.Configure(state);
        Func<GuideMatch, bool> answer = m => m.Decision == GuideDecision.Answer;
        Func<GuideMatch, bool> suggest = m => m.Decision == GuideDecision.Suggest;
        Func<GuideMatch, bool> fallback = m => m.Decision == GuideDecision.Fallback;
        if (state == S.AnswerFeedback) configuration.PermitReentryIf(_ask, answer, "answer");
        else configuration.PermitIf(_ask, S.AnswerFeedback, answer, "answer");
        if (state == S.Suggestions) configuration.PermitReentryIf(_ask, suggest, "suggest");
        else configuration.PermitIf(_ask, S.Suggestions, suggest, "suggest");
        if (state == S.Question) configuration.PermitReentryIf(_ask, fallback, "no match");
        else configuration.PermitIf(_ask, S.Question, fallback, "no match");
    }

    /// <summary>Free text is a question in these steps, except a suggestion/complaint word in the main menu.</summary>
    private bool TakesQuestions(string text) => _conversation.State switch
    {
        S.MainMenu => KindOf(text) is null,
        S.Question or S.AnswerFeedback or S.Suggestions => true,
        _ => false,
    };

    private bool? YesOrNo(string text) => _lexicon.Match(ArabicText.Normalize(text)) switch
    {
        Command.Yes => true,
        Command.No => false,
        _ => null,
    };

    /// <summary>The entries offered as suggestions, leaving out any the guide no longer has (it may have been reloaded).</summary>
    private string[] SuggestedIds() =>
        (_conversation.GuideEntryIds ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Where(id => _guide.Find(id) is not null).ToArray();

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

    private void TalkToStaffLater()
    {
        Say(TextKey.TalkToStaffComingSoon);
        Prompt();
    }

    private void AskForQuestion()
    {
        Say(TextKey.QuestionPrompt);
        Reply.Offer(Navigation());
    }

    private void Answer(GuideEntry entry, Language language, string question)
    {
        _conversation.PendingQuestion = question;
        _conversation.QuestionLanguage = language;
        _conversation.GuideEntryIds = entry.Id;
        Reply.Say(entry.AnswerFor(language, _channel));
        AskIfHelpful(language);
    }

    private void AskIfHelpful(Language language)
    {
        Reply.Say(T(language, TextKey.AnswerHelpful));
        Reply.Offer(
        [
            new("1", T(language, TextKey.AnswerYes)),
            new("2", T(language, TextKey.AnswerNo)),
            new("3", T(language, TextKey.ButtonTalkToStaff)),
        ]);
    }

    /// <summary>Entering AnswerFeedback by a number: the suggestion picked (the guard checked that it exists).</summary>
    private void AnswerSuggestion(int number)
    {
        var entry = _guide.Find(SuggestedIds()[number - 1])!;
        Answer(entry, _conversation.QuestionLanguage ?? _conversation.Language, _conversation.PendingQuestion ?? entry.Title[_conversation.Language]);
    }

    private void Suggest(GuideMatch match)
    {
        _conversation.PendingQuestion = match.Question;
        _conversation.QuestionLanguage = match.Language;
        _conversation.GuideEntryIds = string.Join(',', match.Suggestions.Select(e => e.Id));
        OfferSuggestions();
    }

    private void OfferSuggestions()
    {
        var language = _conversation.QuestionLanguage ?? _conversation.Language;
        var entries = SuggestedIds().Select(_guide.Find).OfType<GuideEntry>().ToList();
        Reply.Say(T(language, TextKey.SuggestionsPrompt));
        Reply.Offer(
        [
            .. entries.Select((e, i) => new ReplyButton((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), e.Title[language])),
            new((entries.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), T(language, TextKey.SuggestionsNone)),
        ]);
    }

    private void RecordNoMatch(GuideMatch match)
    {
        Events.Add(new QuestionUnanswered(match.Question, match.Language, UnansweredReason.NoMatch, null));
        ClearQuestion();
        Reply.Say(T(match.Language, TextKey.QuestionNotSure));
        OfferPerson(match.Language);
    }

    /// <summary>"Did not help" or "none of these": record the question, apologise, offer a person or another try.</summary>
    private void NotAnswered(UnansweredReason reason)
    {
        var language = _conversation.QuestionLanguage ?? _conversation.Language;
        if (_conversation.PendingQuestion is { } question)
        {
            var entryId = reason == UnansweredReason.NotHelpful ? _conversation.GuideEntryIds : null;
            Events.Add(new QuestionUnanswered(question, language, reason, entryId));
        }
        ClearQuestion();
        Reply.Say(T(language, TextKey.AnswerSorry));
        OfferPerson(language);
    }

    private void OfferPerson(Language language) =>
        Reply.Offer([new("human", T(language, TextKey.ButtonTalkToStaff)), new("menu", T(language, TextKey.ButtonMenu))]);

    private void ClearQuestion()
    {
        _conversation.PendingQuestion = null;
        _conversation.QuestionLanguage = null;
        _conversation.GuideEntryIds = null;
    }

    private void SubmitFeedback(string text)
    {
        var kind = _conversation.PendingFeedbackKind ?? FeedbackKind.Suggestion;
        Events.Add(new FeedbackSubmitted(kind, text, _reference));
        var thanks = kind == FeedbackKind.Complaint ? TextKey.FeedbackThanksComplaint : TextKey.FeedbackThanksSuggestion;
        Reply.Say(T(thanks).Replace("{reference}", _reference, StringComparison.Ordinal));
    }
}
