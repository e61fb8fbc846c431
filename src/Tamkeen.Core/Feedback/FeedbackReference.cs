using System.Globalization;
using System.Text.RegularExpressions;
using Tamkeen.Core.Text;

namespace Tamkeen.Core.Feedback;

/// <summary>SUG-YYMM-NNNNN for a suggestion, CMP-YYMM-NNNNN for a complaint, in the style of request references.</summary>
public static partial class FeedbackReference
{
    public static string Prefix(FeedbackKind kind) => kind == FeedbackKind.Complaint ? "CMP" : "SUG";

    public static string Create(FeedbackKind kind, DateTimeOffset receivedAt, string messageNumber) =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix(kind)}-{receivedAt:yyMM}-{long.Parse(messageNumber, CultureInfo.InvariantCulture):D5}");

    /// <summary>A reference anywhere in a message, in any digit script and case ("sug-2611-00028", "CMP ٢٦١١ ٠٠٠٢٨").</summary>
    public static string? Find(string text)
    {
        var match = Pattern().Match(ArabicText.ToAsciiDigits(text));
        return match.Success ? $"{match.Groups[1].Value.ToUpperInvariant()}-{match.Groups[2].Value}-{match.Groups[3].Value}" : null;
    }

    [GeneratedRegex(@"\b(SUG|CMP)[\s\-_]*(\d{4})[\s\-_]*(\d{5,})\b", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();
}
