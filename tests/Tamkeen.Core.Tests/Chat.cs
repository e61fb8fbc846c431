using Microsoft.Extensions.Time.Testing;
using Tamkeen.Core.Conversations;
using Tamkeen.Core.Requests;
using Tamkeen.Core.Subscriptions;
using Tamkeen.Faq;

namespace Tamkeen.Core.Tests;

/// <summary>One beneficiary talking to the engine with the shipped content, on a fake clock.</summary>
internal sealed class Chat
{
    private static readonly Lazy<(BotTexts Texts, CommandLexicon Lexicon, GuideSearch Guide, ServiceCatalogue Services, SubscriptionKeywords Subscription)> Content = new(() =>
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "content");
        var texts = BotTexts.Parse(ReadTexts(Path.Combine(folder, "texts")), ReadTexts(Path.Combine(folder, "texts", "sms")));
        return (texts, CommandLexicon.Parse(File.ReadAllText(Path.Combine(folder, "commands.json"))),
            GuideFolder.Load(Path.Combine(folder, "guide"), new GuideThresholds()),
            ServiceCatalogue.Parse(File.ReadAllText(Path.Combine(folder, "requests", "services.json"))),
            SubscriptionKeywords.Parse(File.ReadAllText(Path.Combine(folder, "subscription.json"))));
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
    public OutboundMessage? LastReply { get; private set; }

    public static BotTexts Texts => Content.Value.Texts;
    public static CommandLexicon Lexicon => Content.Value.Lexicon;
    public static GuideSearch ShippedGuide => Content.Value.Guide;
    public static ServiceCatalogue Services => Content.Value.Services;

    /// <summary>Requests submitted in this chat (and any added by a test), as the host would store them.</summary>
    public StoredRequests Requests { get; }

    /// <param name="channel">The channel the person writes on; SMS gets the SMS wording, SMS and WhatsApp the STOP/START/HELP words.</param>
    public Chat(ConversationSettings? settings = null, StoredRequests? requests = null, Channel channel = Channel.WebChat)
    {
        Channel = channel;
        Requests = requests ?? new StoredRequests();
        var content = new ConversationContent(Content.Value.Texts, Content.Value.Lexicon, Content.Value.Guide, Content.Value.Services, Requests,
            Content.Value.Subscription);
        _engine = new ConversationEngine(content, settings ?? ConversationSettings.Default);
    }

    /// <summary>Sends a message and returns the reply text ("" when the bot stays silent).</summary>
    public string Send(string? text, string? payload = null, params Attachment[] attachments)
    {
        var id = _sequence++;
        var message = new InboundMessage(Channel, "session-1", $"m{id}", text, payload, attachments, Clock.GetUtcNow());
        var outcome = _engine.Handle(Conversation, id.ToString(System.Globalization.CultureInfo.InvariantCulture), message);
        Events.AddRange(outcome.Events);
        foreach (var submitted in outcome.Events.OfType<RequestSubmitted>()) Requests.Add(submitted, Conversation.BeneficiaryId);
        LastReply = outcome.Replies.SingleOrDefault();
        return LastReply?.Text ?? "";
    }

    /// <summary>News from the association (a status change), as the host hands it to the conversation.</summary>
    public string Notify(RequestNotice notice)
    {
        var id = _sequence++;
        var message = new InboundMessage(Channel, "session-1", $"n{id}", null, null, [], Clock.GetUtcNow(), notice);
        var outcome = _engine.Handle(Conversation, id.ToString(System.Globalization.CultureInfo.InvariantCulture), message);
        Events.AddRange(outcome.Events);
        LastReply = outcome.Replies.SingleOrDefault();
        return LastReply?.Text ?? "";
    }

    public string[] ButtonPayloads => LastReply?.Buttons.Select(b => b.Payload).ToArray() ?? [];

    public static string Ar(TextKey key) => Texts[Language.Arabic, key];
    public static string En(TextKey key) => Texts[Language.English, key];

    public ConversationEngine Engine => _engine;
}
