using Microsoft.Extensions.Options;
using Tamkeen.Core.Conversations;
using Tamkeen.Core.Guide;
using Tamkeen.Host.Settings;

namespace Tamkeen.Host.Content;

/// <summary>What staff edit in the content folder: bot texts and command words (loaded at start) and the guide.</summary>
public sealed class BotContent
{
    public BotTexts Texts { get; }
    public ConversationEngine Engine { get; }

    public BotContent(IOptions<ContentOptions> contentOptions, IOptions<ConversationOptions> conversationOptions, IHostEnvironment environment,
        IGuide guide)
    {
        var folder = Path.GetFullPath(contentOptions.Value.Path, environment.ContentRootPath);
        try
        {
            Texts = BotTexts.Parse(new Dictionary<Language, string>
            {
                [Language.Arabic] = File.ReadAllText(Path.Combine(folder, "texts", "ar.json")),
                [Language.English] = File.ReadAllText(Path.Combine(folder, "texts", "en.json")),
            });
            var lexicon = CommandLexicon.Parse(File.ReadAllText(Path.Combine(folder, "commands.json")));
            var settings = new ConversationSettings(conversationOptions.Value.IdleTimeout, conversationOptions.Value.MaxMessageLength);
            Engine = new ConversationEngine(Texts, lexicon, settings, guide);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or System.Text.Json.JsonException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"The content folder {folder} (setting Content:Path) could not be loaded: {e.Message}", e);
        }
    }
}
