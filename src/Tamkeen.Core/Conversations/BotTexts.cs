using System.Text.Json;

namespace Tamkeen.Core.Conversations;

/// <summary>The bot's wording in each language, checked complete when loaded.</summary>
public sealed class BotTexts
{
    private static readonly Dictionary<TextKey, string[]> RequiredPlaceholders = new()
    {
        [TextKey.FeedbackThanksSuggestion] = ["{reference}"],
        [TextKey.FeedbackThanksComplaint] = ["{reference}"],
        [TextKey.TooLong] = ["{limit}"],
        [TextKey.RequestSummary] = ["{service}"],
        [TextKey.RequestSubmitted] = ["{reference}", "{due}"],
        [TextKey.RequestDuplicate] = ["{reference}", "{status}"],
        [TextKey.FollowUpLine] = ["{reference}", "{service}", "{status}", "{due}"],
        [TextKey.RequestStatusChanged] = ["{reference}", "{service}", "{status}"],
        [TextKey.RequestStatusNote] = ["{note}"],
        [TextKey.RequestInformationAsk] = ["{reference}"],
        [TextKey.RequestInformationThanks] = ["{reference}"],
        [TextKey.RequestAttachmentsKept] = ["{count}"],
    };

    private readonly Dictionary<Language, Dictionary<TextKey, string>> _texts;

    private BotTexts(Dictionary<Language, Dictionary<TextKey, string>> texts) => _texts = texts;

    public string this[Language language, TextKey key] => _texts[language][key];

    /// <summary>Reads one JSON object of key → text per language; throws a message naming what is missing.</summary>
    public static BotTexts Parse(IReadOnlyDictionary<Language, string> jsonByLanguage)
    {
        var all = new Dictionary<Language, Dictionary<TextKey, string>>();
        foreach (var language in Enum.GetValues<Language>())
        {
            if (!jsonByLanguage.TryGetValue(language, out var json))
                throw new InvalidDataException($"Bot texts for {language} are missing.");
            var raw = JsonSerializer.Deserialize<Dictionary<string, string>>(json)
                      ?? throw new InvalidDataException($"Bot texts for {language} are empty.");
            var texts = new Dictionary<TextKey, string>();
            foreach (var key in Enum.GetValues<TextKey>())
            {
                if (!raw.TryGetValue(key.ToString(), out var text) || string.IsNullOrWhiteSpace(text))
                    throw new InvalidDataException($"Bot text '{key}' is missing for {language}.");
                foreach (var placeholder in RequiredPlaceholders.GetValueOrDefault(key, []))
                {
                    if (!text.Contains(placeholder, StringComparison.Ordinal))
                        throw new InvalidDataException($"Bot text '{key}' for {language} must contain {placeholder}.");
                }
                texts[key] = text;
            }
            var unknown = raw.Keys.Except(Enum.GetNames<TextKey>()).ToList();
            if (unknown.Count > 0)
                throw new InvalidDataException($"Unknown bot text keys for {language}: {string.Join(", ", unknown)}.");
            all[language] = texts;
        }
        return new BotTexts(all);
    }
}
