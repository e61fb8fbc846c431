using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using Tamkeen.Core.Conversations;
using Tamkeen.Core.Handoff;
using Tamkeen.Core.Requests;
using Tamkeen.Core.Subscriptions;
using Tamkeen.Core.Surveys;
using Tamkeen.Faq;

namespace Tamkeen.Core.Tests;

/// <summary>
/// One beneficiary talking to the engine with the shipped content, on a fake clock. Its timers fire as the host's
/// scheduler would: when the clock has passed them, before the next input.
/// </summary>
internal sealed class Chat
{
    private static readonly Lazy<(BotTexts Texts, CommandLexicon Lexicon, GuideSearch Guide, ServiceCatalogue Services, SubscriptionKeywords Subscription, UrgencyWords Urgency, ScoreWords Scores)> Content = new(() =>
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "content");
        var texts = BotTexts.Parse(ReadTexts(Path.Combine(folder, "texts")), ReadTexts(Path.Combine(folder, "texts", "sms")));
        return (texts, CommandLexicon.Parse(File.ReadAllText(Path.Combine(folder, "commands.json"))),
            GuideFolder.Load(Path.Combine(folder, "guide"), new GuideThresholds()),
            ServiceCatalogue.Parse(File.ReadAllText(Path.Combine(folder, "requests", "services.json"))),
            SubscriptionKeywords.Parse(File.ReadAllText(Path.Combine(folder, "subscription.json"))),
            UrgencyWords.Parse(File.ReadAllText(Path.Combine(folder, "urgent-words.json"))),
            ScoreWords.Parse(File.ReadAllText(Path.Combine(folder, "poll-words.json"))));
    });

    private static Dictionary<Language, string> ReadTexts(string folder) => new()
    {
        [Language.Arabic] = File.ReadAllText(Path.Combine(folder, "ar.json")),
        [Language.English] = File.ReadAllText(Path.Combine(folder, "en.json")),
    };

    private readonly ConversationEngine _engine;
    private long _sequence = 100;

    public Channel Channel { get; }
    public Conversation Conversation { get; } = new() { BeneficiaryId = 7 };
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
    public List<ConversationEvent> Events { get; } = [];
    public Dictionary<TimerKind, DateTimeOffset> Timers { get; } = [];
    public OutboundMessage? LastReply { get; private set; }

    /// <summary>What the bot sent by itself (news, reminders, timers) since the last input.</summary>
    public List<OutboundMessage> Unprompted { get; } = [];

    public static BotTexts Texts => Content.Value.Texts;
    public static CommandLexicon Lexicon => Content.Value.Lexicon;
    public static GuideSearch ShippedGuide => Content.Value.Guide;
    public static ServiceCatalogue Services => Content.Value.Services;

    /// <summary>Requests and feedback submitted in this chat (and any added by a test), as the host would store them.</summary>
    public StoredRequests Requests { get; }

    /// <param name="channel">The channel the person writes on; SMS gets the SMS wording, SMS and WhatsApp the STOP/START/HELP words.</param>
    public Chat(ConversationSettings? settings = null, StoredRequests? requests = null, Channel channel = Channel.WebChat)
    {
        Channel = channel;
        Requests = requests ?? new StoredRequests();
        var content = new ConversationContent(Content.Value.Texts, Content.Value.Lexicon, Content.Value.Guide, Content.Value.Services,
            Content.Value.Subscription, Content.Value.Urgency, Content.Value.Scores);
        _engine = new ConversationEngine(content, settings ?? ConversationSettings.Default);
    }

    /// <summary>Sends a message and returns the reply text ("" when the bot stays silent).</summary>
    public string Send(string? text, string? payload = null, params Attachment[] attachments)
    {
        FireDueTimers();
        return Run(new PersonWrote(NextNumber(), Channel, Clock.GetUtcNow(), text, payload, attachments));
    }

    /// <summary>Presses a button of the last reply, as a channel with buttons sends it (its payload names its step).</summary>
    public string Press(string choice)
    {
        var button = LastReply?.Buttons.FirstOrDefault(b => b.Choice == choice) ?? throw new InvalidOperationException($"No button {choice} in the last reply.");
        return Send(button.Label, button.Payload);
    }

    /// <summary>News from the association (a status change), as the host hands it to the conversation.</summary>
    public string Notify(RequestNotice notice)
    {
        FireDueTimers();
        return Run(new RequestStatusChanged(NextNumber(), Channel, Clock.GetUtcNow(), notice));
    }

    /// <summary>A staff member acts on the person's open case (or on <paramref name="reference"/>), as the host passes it into the lane.</summary>
    public string Staff(StaffActionKind kind, string? text = null, string staff = "سارة", string? reference = null, params Attachment[] attachments)
    {
        FireDueTimers();
        var onCase = reference ?? Conversation.Handoff?.Reference ?? throw new InvalidOperationException("No case is open.");
        return Run(new StaffActed(NextNumber(), Channel, Clock.GetUtcNow(), onCase, kind, staff, text, attachments));
    }

    /// <summary>A poll's delay has passed, as the host hands it to the conversation.</summary>
    public string PollDue(PollSubject subject, string? reference = null, string? handledBy = null, string? outcome = null, PollNotSentReason? cannotReach = null)
    {
        FireDueTimers();
        return Run(new PollDue(NextNumber(), Channel, Clock.GetUtcNow(), subject, reference, handledBy, outcome, cannotReach));
    }

    /// <summary>Fires the timers the clock has passed, in due order, as the scheduler would; their replies go to <see cref="Unprompted"/>.</summary>
    public void FireDueTimers()
    {
        while (Timers.Where(t => t.Value <= Clock.GetUtcNow()).OrderBy(t => t.Value).Select(t => (KeyValuePair<TimerKind, DateTimeOffset>?)t).FirstOrDefault() is { } due)
        {
            Timers.Remove(due.Key);
            var before = LastReply;
            var reply = Run(new TimerFired(NextNumber(), Channel, due.Value, due.Key));
            if (reply.Length > 0) Unprompted.Add(LastReply!);
            else LastReply = before;
        }
    }

    private string Run(ConversationInput input)
    {
        if (input is PersonWrote) Unprompted.Clear();
        var facts = Requests.Load(ConversationEngine.Needs(Conversation, input), Conversation.BeneficiaryId);
        var outcome = _engine.Handle(Conversation, input, facts);
        Events.AddRange(outcome.Events);
        foreach (var submitted in outcome.Events.OfType<RequestSubmitted>()) Requests.Add(submitted, Conversation.BeneficiaryId);
        foreach (var feedback in outcome.Events.OfType<FeedbackSubmitted>()) Requests.Add(feedback, Conversation.BeneficiaryId, input.At);
        foreach (var timer in outcome.Timers)
        {
            if (timer.DueAt is { } due) Timers[timer.Kind] = due;
            else Timers.Remove(timer.Kind);
        }
        LastReply = outcome.Replies.SingleOrDefault();
        return LastReply?.Text ?? "";
    }

    private string NextNumber() => (_sequence++).ToString(CultureInfo.InvariantCulture);

    public string[] ButtonPayloads => LastReply?.Buttons.Select(b => b.Choice).ToArray() ?? [];

    public static string Ar(TextKey key) => Texts[Language.Arabic, key];
    public static string En(TextKey key) => Texts[Language.English, key];

    /// <summary>An Arabic text up to its first placeholder, for replies that fill it in.</summary>
    public static string ArLead(TextKey key) => Ar(key).Split('{')[0];

    public ConversationEngine Engine => _engine;
}
