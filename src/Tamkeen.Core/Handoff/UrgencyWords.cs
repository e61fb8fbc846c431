using System.Text.Json;
using Tamkeen.Core.Text;

namespace Tamkeen.Core.Handoff;

/// <summary>
/// Words that make a message urgent (violence, eviction, no food, a child in danger, self-harm), from
/// content/urgent-words.json. A phrase matches whole words, also with an Arabic prefix (و، ف، ب، ل، ال) on a word.
/// </summary>
public sealed class UrgencyWords
{
    private static readonly string[] Prefixes = ["وال", "بال", "فال", "لل", "ال", "و", "ف", "ب", "ل"];

    private readonly List<string[]> _phrases;

    private UrgencyWords(List<string[]> phrases) => _phrases = phrases;

    public static UrgencyWords None { get; } = new([]);

    /// <summary>Reads { "ar": ["عنف", …], "en": ["violence", …] }; keys starting with "//" are comments.</summary>
    public static UrgencyWords Parse(string json)
    {
        var raw = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json) ?? throw new InvalidDataException("The urgency word list is empty.");
        var phrases = raw.Where(p => !p.Key.StartsWith("//", StringComparison.Ordinal))
            .SelectMany(p => p.Value.Deserialize<string[]>() ?? [])
            .Select(p => ArabicText.Normalize(p).Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(words => words.Length > 0).ToList();
        if (phrases.Count == 0) throw new InvalidDataException("The urgency word list has no phrase.");
        return new UrgencyWords(phrases);
    }

    /// <param name="normalized">Text as <see cref="ArabicText.Normalize"/> gives it.</param>
    public bool Match(string normalized)
    {
        var words = normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        foreach (var phrase in _phrases)
        {
            for (var start = 0; start + phrase.Length <= words.Length; start++)
            {
                var all = true;
                for (var i = 0; i < phrase.Length && all; i++) all = Same(words[start + i], phrase[i]);
                if (all) return true;
            }
        }
        return false;
    }

    private static bool Same(string word, string listed) =>
        word == listed || Prefixes.Any(p => word.Length > p.Length + 1 && word.StartsWith(p, StringComparison.Ordinal) && word.AsSpan(p.Length).SequenceEqual(listed));
}
