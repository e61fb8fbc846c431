using Microsoft.Extensions.Options;
using Tamkeen.Core.Conversations;
using Tamkeen.Core.Guide;
using Tamkeen.Core.Handoff;
using Tamkeen.Core.Requests;
using Tamkeen.Core.Subscriptions;
using Tamkeen.Core.Surveys;
using Tamkeen.Host.Handoff;
using Tamkeen.Host.Settings;
using Tamkeen.Host.Surveys;

namespace Tamkeen.Host.Content;

/// <summary>What staff edit in the content folder: bot texts and command words (loaded at start) and the guide.</summary>
public sealed class BotContent
{
    public BotTexts Texts { get; }
    public ServiceCatalogue Services { get; }
    public ConversationEngine Engine { get; }

    public BotContent(IOptions<ContentOptions> contentOptions, IOptions<ConversationOptions> conversationOptions,
        IOptions<AttachmentOptions> attachmentOptions, IOptions<HandoffOptions> handoffOptions, IOptions<SurveyOptions> surveyOptions, IHostEnvironment environment,
        IGuide guide)
    {
        var folder = Path.GetFullPath(contentOptions.Value.Path, environment.ContentRootPath);
        try
        {
            Texts = BotTexts.Parse(ReadTexts(Path.Combine(folder, "texts")), ReadTexts(Path.Combine(folder, "texts", "sms")));
            var lexicon = CommandLexicon.Parse(File.ReadAllText(Path.Combine(folder, "commands.json")));
            var subscription = SubscriptionKeywords.Parse(File.ReadAllText(Path.Combine(folder, "subscription.json")));
            var urgency = UrgencyWords.Parse(File.ReadAllText(Path.Combine(folder, "urgent-words.json")));
            var scores = ScoreWords.Parse(File.ReadAllText(Path.Combine(folder, "poll-words.json")));
            var conversation = conversationOptions.Value;
            var settings = new ConversationSettings(conversation.IdleTimeout, conversation.MaxMessageLength, attachmentOptions.Value.MaxMegabytes,
                conversation.InformationReminderAfter, conversation.InformationQuietTime, handoffOptions.Value.Settings(),
                surveyOptions.Value.Settings());
            Services = ServiceCatalogue.Parse(File.ReadAllText(Path.Combine(folder, "requests", "services.json")));
            Engine = new ConversationEngine(new ConversationContent(Texts, lexicon, guide, Services, subscription, urgency, scores), settings);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or System.Text.Json.JsonException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"The content folder {folder} (setting Content:Path) could not be loaded: {e.Message}", e);
        }
    }

    /// <summary>ar.json and en.json of a texts folder.</summary>
    private static Dictionary<Language, string> ReadTexts(string folder) => new()
    {
        [Language.Arabic] = File.ReadAllText(Path.Combine(folder, "ar.json")),
        [Language.English] = File.ReadAllText(Path.Combine(folder, "en.json")),
    };
}
