using System.Globalization;
using System.Text.Json;
using Tamkeen.Core.Text;

namespace Tamkeen.Core.Surveys;

/// <summary>
/// Reads a typed poll answer as a score from 1 to 5 (content/poll-words.json): a digit in any script («٤», "4", "4/5"),
/// a word or emoji for a point («ممتاز», "bad", 👍), or a row of stars.
/// </summary>
public sealed class ScoreWords
{
    private const string Star = "⭐";

    private readonly Dictionary<string, int> _words;

    private ScoreWords(Dictionary<string, int> words) => _words = words;

    public static ScoreWords Parse(string json)
    {
        var raw = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json) ?? throw new InvalidDataException("The poll word list is empty.");
        var words = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (key, list) in raw.Where(p => !p.Key.StartsWith("//", StringComparison.Ordinal)))
        {
            if (!int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var score) || score is < 1 or > 5)
                throw new InvalidDataException($"Poll words: '{key}' is not a score from 1 to 5.");
            foreach (var word in list.Deserialize<string[]>() ?? [])
            {
                var normalized = Key(word);
                if (normalized.Length == 0) continue;
                if (words.TryGetValue(normalized, out var other) && other != score)
                    throw new InvalidDataException($"Poll words: '{word}' is listed for both {other} and {score}.");
                words[normalized] = score;
            }
        }
        if (Enumerable.Range(1, 5).FirstOrDefault(s => !words.ContainsValue(s)) is var missing and > 0)
            throw new InvalidDataException($"Poll words: no word for {missing}.");
        return new ScoreWords(words);
    }

    /// <returns>The score, or null when the answer is not one (a question, a request, anything else).</returns>
    public int? Read(string? answer)
    {
        var clean = ArabicText.Clean(answer);
        if (clean.Length == 0) return null;
        var stars = clean.Replace("\uFE0F", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        if (stars.Length > 0 && stars.Replace(Star, "", StringComparison.Ordinal).Length == 0)
        {
            var count = stars.Length / Star.Length;
            return count is >= 1 and <= 5 ? count : null;
        }
        var ascii = ArabicText.ToAsciiDigits(clean).Trim();
        // "4", "4/5", "4 من 5", "5." — the first digit when nothing but a score is written.
        if (ascii.Length > 0 && ascii[0] is >= '1' and <= '5' && (ascii.Length == 1 || !char.IsAsciiDigit(ascii[1])) && IsOnlyScore(ascii))
            return ascii[0] - '0';
        return _words.TryGetValue(Key(clean), out var score) ? score : null;
    }

    private static bool IsOnlyScore(string ascii)
    {
        var rest = ascii[1..].Trim().TrimEnd('.', '!');
        return rest.Length == 0 || rest is "/5" or "/ 5" or "من 5" or "out of 5";
    }

    /// <summary>Words are normalized; emoji (which Normalize drops as symbols) are kept, without the emoji-style selector.</summary>
    private static string Key(string word)
    {
        var plain = ArabicText.Clean(word).Replace("\uFE0F", "", StringComparison.Ordinal);
        var normalized = ArabicText.Normalize(plain);
        return normalized.Length > 0 ? normalized : plain;
    }
}
