using System.Globalization;
using Stateless;
using Tamkeen.Core.Feedback;
using Tamkeen.Core.FollowUp;
using Tamkeen.Core.Guide;
using Tamkeen.Core.Handoff;
using Tamkeen.Core.Requests;
using Tamkeen.Core.Surveys;
using S = Tamkeen.Core.Conversations.ConversationState;

namespace Tamkeen.Core.Conversations;

/// <summary>
/// The conversation for one input: a Stateless machine over the stored <see cref="Conversation"/>. It owns the
/// triggers and what every step shares (the <see cref="S.Dialog"/> superstate: menu, cancel, a person, language);
/// each flow configures its own steps. Actions only add replies, events and timers; nothing here does I/O.
/// </summary>
internal sealed class ConversationMachine
{
    private readonly HashSet<S> _readNumbersAsText = [];

    /// <summary>Configures every step; <see cref="Start"/> then sets it to an input, and it can serve one input after another.</summary>
    public ConversationMachine(ConversationContent content, ConversationSettings settings)
    {
        Content = content;
        Settings = settings;
        // Queued: an action may fire the next trigger (a menu number typed in the question step goes to the menu,
        // then is chosen there); it runs once the current transition is complete.
        // Stateless reads the state once while it is built, before any Start.
        Machine = new StateMachine<S, Trigger>(() => Conversation?.State ?? default, s => Conversation.State = s, FiringMode.Queued);
        ChooseTrigger = Machine.SetTriggerParameters<int>(Trigger.Choose);
        WriteTrigger = Machine.SetTriggerParameters<string>(Trigger.Write);
        AskTrigger = Machine.SetTriggerParameters<GuideMatch>(Trigger.Ask);
        SwitchLanguageTrigger = Machine.SetTriggerParameters<Language>(Trigger.SwitchLanguage);
        InvalidTrigger = Machine.SetTriggerParameters<FieldProblem>(Trigger.Invalid);
        FeedbackKindTrigger = Machine.SetTriggerParameters<FeedbackKind>(Trigger.FeedbackKindNamed);
        SendInformationTrigger = Machine.SetTriggerParameters<string>(Trigger.SendInformation);

        Guide = new GuideFlow(this);
        Requests = new RequestFlow(this);
        Feedback = new FeedbackFlow(this);
        FollowUp = new FollowUpFlow(this);
        Handoff = new HandoffFlow(this);
        Surveys = new SurveyFlow(this);
        ConfigureDialog();
        ConfigureMainMenu();
        Guide.Configure();
        Requests.Configure();
        Feedback.Configure();
        FollowUp.Configure();
        Handoff.Configure();
        Machine.OnUnhandledTrigger((_, trigger) =>
        {
            if (trigger != Trigger.Prompt) NotUnderstood();
        });
    }

    /// <summary>Sets the machine to one input, with nothing of the one before: new replies, events and timers.</summary>
    public void Start(Conversation conversation, ConversationInput input, ConversationFacts facts)
    {
        Conversation = conversation;
        Input = input;
        Facts = facts;
        Reply = new ReplyBuilder();
        Events = [];
        Timers = [];
        Incoming = [];
    }

    /// <summary>Lets go of the person's records and of the outcome, so that an idle machine holds nothing of anyone.</summary>
    public void Finish()
    {
        Conversation = null!;
        Input = null!;
        Facts = ConversationFacts.None;
        Reply = null!;
        Events = null!;
        Timers = null!;
        Incoming = [];
    }

    public Conversation Conversation { get; private set; } = null!;
    public ConversationContent Content { get; }
    public ConversationSettings Settings { get; }
    public ConversationInput Input { get; private set; } = null!;
    public ConversationFacts Facts { get; private set; } = ConversationFacts.None;
    public StateMachine<S, Trigger> Machine { get; }
    public ReplyBuilder Reply { get; private set; } = null!;
    public List<ConversationEvent> Events { get; private set; } = null!;
    public List<TimerChange> Timers { get; private set; } = null!;

    /// <summary>Photos or documents of this message that were kept, for the step that takes them.</summary>
    public IReadOnlyList<Attachment> Incoming { get; set; } = [];

    public StateMachine<S, Trigger>.TriggerWithParameters<int> ChooseTrigger { get; }
    public StateMachine<S, Trigger>.TriggerWithParameters<string> WriteTrigger { get; }
    public StateMachine<S, Trigger>.TriggerWithParameters<GuideMatch> AskTrigger { get; }
    public StateMachine<S, Trigger>.TriggerWithParameters<Language> SwitchLanguageTrigger { get; }
    public StateMachine<S, Trigger>.TriggerWithParameters<FieldProblem> InvalidTrigger { get; }
    public StateMachine<S, Trigger>.TriggerWithParameters<FeedbackKind> FeedbackKindTrigger { get; }
    public StateMachine<S, Trigger>.TriggerWithParameters<string> SendInformationTrigger { get; }

    public GuideFlow Guide { get; }
    public RequestFlow Requests { get; }
    public FeedbackFlow Feedback { get; }
    public FollowUpFlow FollowUp { get; }
    public HandoffFlow Handoff { get; }
    public SurveyFlow Surveys { get; }

    public Language Language => Conversation.Language;
    public Channel Channel => Input.Channel;
    public DateTimeOffset At => Input.At;

    /// <summary>Steps that take what is typed as a value: a number there is an answer ("0" an income), not a choice or a command.</summary>
    public bool ReadsNumbersAsText => _readNumbersAsText.Contains(Conversation.State);

    public void ReadNumbersAsTextIn(S state) => _readNumbersAsText.Add(state);

    /// <summary>The person is not in the middle of anything that a detour would cost them (a form, a text being written).</summary>
    public bool AtRest => Conversation.State == S.MainMenu || Machine.IsInState(S.Asking);

    public void Fire(Trigger trigger) => Machine.Fire(trigger);
    public void Choose(int number) => Machine.Fire(ChooseTrigger, number);
    public void Write(string text) => Machine.Fire(WriteTrigger, text);
    public void Prompt() => Machine.Fire(Trigger.Prompt);
    public void SwitchLanguage(Language language) => Machine.Fire(SwitchLanguageTrigger, language);
    public void SendInformation(string reference) => Machine.Fire(SendInformationTrigger, reference);

    public string T(TextKey key) => T(Language, key);
    public string T(Language language, TextKey key) => Content.Texts[language, key, Channel];
    public void Say(TextKey key) => Reply.Say(T(key));

    public ReplyButton[] Navigation() => [new("back", T(TextKey.ButtonBack)), new("menu", T(TextKey.ButtonMenu))];

    public ReplyButton[] PersonOrMenu(Language language) =>
        [new("human", T(language, TextKey.ButtonTalkToStaff)), new("menu", T(language, TextKey.ButtonMenu))];

    /// <summary>
    /// A left-to-right value (reference, masked ID or phone) inside Arabic text, isolated (U+2066…U+2069) so that
    /// its characters keep their order instead of being reordered around the Arabic words.
    /// </summary>
    public string Ltr(string value) => Language == Language.Arabic ? $"\u2066{value}\u2069" : value;

    public static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    public void NotUnderstood()
    {
        Say(TextKey.NotUnderstood);
        Prompt();
    }

    public void ShowMenu()
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

    public void SetTimer(TimerKind kind, TimeSpan after) => Timers.Add(new TimerChange(kind, At + after));

    public void CancelTimer(TimerKind kind) => Timers.Add(new TimerChange(kind, null));

    /// <summary>
    /// Makes sure the idle timer will fire: set once, not moved by every message (that would be a write per message);
    /// when it fires early because the person wrote meanwhile, it is set again from their last message.
    /// </summary>
    public void KeepIdleTimer(DateTimeOffset? dueAt = null)
    {
        if (dueAt is null && Conversation.IdleTimerAt is { } set && set >= At) return;
        Conversation.IdleTimerAt = dueAt ?? At + Settings.IdleTimeout;
        Timers.Add(new TimerChange(TimerKind.Idle, Conversation.IdleTimerAt));
    }

    /// <summary>The steps' own replies to a trigger come first; these hold wherever a step has none.</summary>
    private void ConfigureDialog() => Machine.Configure(S.Dialog)
        .Permit(Trigger.ShowMenu, S.MainMenu)
        .Permit(Trigger.Reset, S.MainMenu)
        .Permit(Trigger.Cancel, S.MainMenu)
        .InternalTransition(Trigger.AskForPerson, _ => Handoff.AskedForPerson())
        .Permit(Trigger.SendInformation, S.RequestInformation)
        .InternalTransition(SwitchLanguageTrigger, (language, _) =>
        {
            Conversation.Language = language;
            // The chat's language decides: an answer given in the other one is followed up in the new one.
            if (Conversation.Guide is { } guide) guide.Language = language;
            Say(TextKey.LanguageSwitched);
            Prompt();
        });

    private void ConfigureMainMenu() => Machine.Configure(S.MainMenu)
        .SubstateOf(S.Dialog)
        .OnEntryFrom(Trigger.Cancel, t =>
        {
            if (!t.IsReentry) Say(TextKey.Cancelled);
        }, "say cancelled")
        .OnEntry(t =>
        {
            if (t.Trigger is not Trigger.Reset) ShowMenu();
        }, "show menu")
        .PermitReentry(Trigger.ShowMenu)
        .PermitReentry(Trigger.Back)
        .PermitReentry(Trigger.Cancel)
        .Ignore(Trigger.Reset)
        .InternalTransition(Trigger.Prompt, ShowMenu)
        .PermitIf(ChooseTrigger, S.Question, n => n == 1, "1")
        .PermitIf(ChooseTrigger, S.RequestService, n => n == 2, "2")
        .InternalTransitionIf(ChooseTrigger, n => n == 3, (_, _) => FollowUp.ListOwn(), "3: own requests")
        .InternalTransitionIf(ChooseTrigger, n => n == 4, (_, _) => Fire(Trigger.AskForPerson), "4: a person")
        .PermitIf(ChooseTrigger, S.FeedbackKind, n => n == 5, "5")
        .InternalTransitionIf(ChooseTrigger, n => n is < 1 or > 5, (_, _) => NotUnderstood(), "other: not understood")
        .InternalTransition(WriteTrigger, (text, _) => ReadMenuText(text));

    /// <summary>Free text at the menu: a reference to follow up, "suggestion"/"complaint", or a question for the guide.</summary>
    private void ReadMenuText(string text)
    {
        if (FollowUp.TryShowReference(text)) return;
        if (Feedback.KindOf(text) is { } kind) Machine.Fire(FeedbackKindTrigger, kind);
        else Guide.Ask(text);
    }
}
