using System.Text.Json;
using Tamkeen.Core.Conversations;
using Tamkeen.Core.Text;

namespace Tamkeen.Core.Subscriptions;

/// <summary>
/// Maps a whole message (any spelling, either language) to a subscription keyword. A list of its own, apart from the
/// command words: "start" and "cancel" mean other things there, and a phrase may sit in both lists.
/// </summary>
public sealed class SubscriptionKeywords
{
    private readonly Dictionary<string, SubscriptionKeyword> _phrases;

    private SubscriptionKeywords(Dictionary<string, SubscriptionKeyword> phrases) => _phrases = phrases;

    /// <summary>Whether the channel is one where people send these words to their sender (SMS, WhatsApp).</summary>
    public static bool AppliesTo(Channel channel) => channel is Channel.Sms or Channel.WhatsApp;

    public SubscriptionKeyword? Match(string normalizedText) =>
        _phrases.TryGetValue(normalizedText, out var keyword) ? keyword : null;

    /// <summary>Reads { "Stop": ["STOP", "إيقاف"], "Start": [...], "Help": [...] } ("//" keys are comments); each keyword needs a phrase.</summary>
    public static SubscriptionKeywords Parse(string json)
    {
        var raw = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)
                  ?? throw new InvalidDataException("The subscription keyword list is empty.");
        var phrases = new Dictionary<string, SubscriptionKeyword>();
        foreach (var (name, list) in raw)
        {
            if (name.StartsWith("//", StringComparison.Ordinal)) continue;
            if (!Enum.TryParse<SubscriptionKeyword>(name, out var keyword))
                throw new InvalidDataException($"Unknown subscription keyword '{name}'; expected Stop, Start or Help.");
            if (list.ValueKind != JsonValueKind.Array || list.EnumerateArray().Any(p => p.ValueKind != JsonValueKind.String))
                throw new InvalidDataException($"The subscription keyword '{name}' needs a list of phrases.");
            foreach (var phrase in list.EnumerateArray().Select(p => p.GetString()!))
            {
                var key = ArabicText.Normalize(phrase);
                if (key.Length == 0) continue;
                if (phrases.TryGetValue(key, out var other) && other != keyword)
                    throw new InvalidDataException($"The phrase '{phrase}' is listed for both {other} and {keyword}.");
                phrases[key] = keyword;
            }
        }
        var missing = Enum.GetValues<SubscriptionKeyword>().Where(k => !phrases.ContainsValue(k)).ToList();
        if (missing.Count > 0)
            throw new InvalidDataException($"The subscription keyword list has no phrase for: {string.Join(", ", missing)}.");
        return new SubscriptionKeywords(phrases);
    }
}
