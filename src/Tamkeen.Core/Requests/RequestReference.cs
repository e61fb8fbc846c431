using System.Globalization;
using System.Text.RegularExpressions;
using Tamkeen.Core.Text;

namespace Tamkeen.Core.Requests;

/// <summary>TMK-YYMM-NNNNN: the month it was received and the number of the stored message that submitted it.</summary>
public static partial class RequestReference
{
    public static string Create(DateTimeOffset receivedAt, string messageNumber) =>
        string.Create(CultureInfo.InvariantCulture, $"TMK-{receivedAt:yyMM}-{long.Parse(messageNumber, CultureInfo.InvariantCulture):D5}");

    /// <summary>A reference anywhere in a message, in any digit script and case ("tmk-2611-00042", "TMK ٢٦١١ ٠٠٠٤٢").</summary>
    public static string? Find(string text)
    {
        var match = Pattern().Match(ArabicText.ToAsciiDigits(text));
        return match.Success ? $"TMK-{match.Groups[1].Value}-{match.Groups[2].Value}" : null;
    }

    [GeneratedRegex(@"\bTMK[\s\-_]*(\d{4})[\s\-_]*(\d{5,})\b", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();
}
