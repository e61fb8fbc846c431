using System.Globalization;
using System.Text.Json;

namespace Tamkeen.Core.Conversations;

/// <summary>
/// The bot's wording in each language, checked complete when loaded, with shorter variants for SMS where the normal
/// wording would cost more segments than it needs to (content/texts/sms/{ar,en}.json hold only those keys).
/// </summary>
public sealed class BotTexts
{
    private static readonly Dictionary<TextKey, string[]> RequiredPlaceholders = new()
    {
        [TextKey.FeedbackThanksSuggestion] = ["{reference}"],
        [TextKey.FeedbackThanksComplaint] = ["{reference}"],
        [TextKey.FeedbackReplySuggestion] = ["{reference}", "{reply}"],
        [TextKey.FeedbackReplyComplaint] = ["{reference}", "{reply}"],
        [TextKey.TooLong] = ["{limit}"],
        [TextKey.RequestSummary] = ["{service}"],
        [TextKey.RequestSubmitted] = ["{reference}", "{due}"],
        [TextKey.RequestDuplicate] = ["{reference}", "{status}"],
        [TextKey.FollowUpLine] = ["{reference}", "{service}", "{status}", "{due}"],
        [TextKey.RequestStatusChanged] = ["{reference}", "{service}", "{status}"],
        [TextKey.RequestStatusNote] = ["{note}"],
        [TextKey.RequestInformationAsk] = ["{reference}"],
        [TextKey.RequestInformationThanks] = ["{reference}", "{messages}", "{files}"],
        [TextKey.RequestInformationReminder] = ["{references}"],
        [TextKey.RequestInformationNotNeeded] = ["{reference}"],
        [TextKey.CaseOpened] = ["{when}"],
        [TextKey.CaseOpenedAside] = ["{when}"],
        [TextKey.CaseReplyWithin] = ["{wait}"],
        [TextKey.CaseReplyWhenOpen] = ["{at}"],
        [TextKey.StaffReplyFrom] = ["{staff}"],
        [TextKey.PollAskRequest] = ["{reference}"],
        [TextKey.FollowUpSuggestionLine] = ["{reference}", "{date}"],
        [TextKey.FollowUpComplaintLine] = ["{reference}", "{date}"],
        [TextKey.RequestAttachmentsKept] = ["{count}"],
    };

    private readonly Dictionary<Language, Dictionary<TextKey, string>> _texts;
    private readonly Dictionary<Language, Dictionary<TextKey, string>> _sms;

    private BotTexts(Dictionary<Language, Dictionary<TextKey, string>> texts, Dictionary<Language, Dictionary<TextKey, string>> sms)
    {
        _texts = texts;
        _sms = sms;
    }

    public string this[Language language, TextKey key] => _texts[language][key];

    /// <summary>The text as sent on <paramref name="channel"/>: the SMS variant on SMS where there is one.</summary>
    public string this[Language language, TextKey key, Channel channel] =>
        channel == Channel.Sms && _sms[language].TryGetValue(key, out var sms) ? sms : _texts[language][key];

    /// <summary>
    /// Reads one JSON object of key → text per language, and optionally the SMS variants (any subset of the keys);
    /// throws a message naming what is missing or wrong.
    /// </summary>
    public static BotTexts Parse(IReadOnlyDictionary<Language, string> jsonByLanguage, IReadOnlyDictionary<Language, string>? smsJsonByLanguage = null)
    {
        var all = new Dictionary<Language, Dictionary<TextKey, string>>();
        foreach (var language in Enum.GetValues<Language>())
        {
            if (!jsonByLanguage.TryGetValue(language, out var json))
                throw new InvalidDataException($"Bot texts for {language} are missing.");
            all[language] = Read(json, $"Bot text{{0}} for {language}", complete: true);
        }
        var sms = new Dictionary<Language, Dictionary<TextKey, string>>();
        foreach (var language in Enum.GetValues<Language>())
        {
            sms[language] = smsJsonByLanguage?.TryGetValue(language, out var json) == true
                ? Read(json, $"SMS bot text{{0}} for {language}", complete: false)
                : [];
        }
        return new BotTexts(all, sms);
    }

    /// <param name="what">How errors name the texts; {0} is replaced by " 'Key'" or "s".</param>
    /// <param name="complete">Every key must be there (the normal texts), or any subset (the SMS variants).</param>
    private static Dictionary<TextKey, string> Read(string json, string what, bool complete)
    {
        var raw = JsonSerializer.Deserialize<Dictionary<string, string>>(json)
                  ?? throw new InvalidDataException($"{string.Format(CultureInfo.InvariantCulture, what, "s")} are empty.");
        var unknown = raw.Keys.Except(Enum.GetNames<TextKey>()).ToList();
        if (unknown.Count > 0)
            throw new InvalidDataException($"Unknown keys in {string.Format(CultureInfo.InvariantCulture, what, "s")}: {string.Join(", ", unknown)}.");
        var texts = new Dictionary<TextKey, string>();
        foreach (var key in Enum.GetValues<TextKey>())
        {
            var name = string.Format(CultureInfo.InvariantCulture, what, $" '{key}'");
            if (!raw.TryGetValue(key.ToString(), out var text))
            {
                if (complete) throw new InvalidDataException($"{name} is missing.");
                continue;
            }
            if (string.IsNullOrWhiteSpace(text)) throw new InvalidDataException($"{name} is empty.");
            foreach (var placeholder in RequiredPlaceholders.GetValueOrDefault(key, []))
            {
                if (!text.Contains(placeholder, StringComparison.Ordinal))
                    throw new InvalidDataException($"{name} must contain {placeholder}.");
            }
            texts[key] = text;
        }
        return texts;
    }
}
