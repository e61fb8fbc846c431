using System.Globalization;
using System.Text;

namespace Tamkeen.Core.Text;

/// <summary>Cleans what people type and folds Arabic spelling variants so that matching ignores them.</summary>
public static class ArabicText
{
    /// <summary>Arabic-Indic (٠-٩) and Persian (۰-۹) digits become ASCII digits; everything else is kept.</summary>
    public static string ToAsciiDigits(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = chars[i] switch
            {
                >= '\u0660' and <= '\u0669' => (char)('0' + (chars[i] - '\u0660')),
                >= '\u06F0' and <= '\u06F9' => (char)('0' + (chars[i] - '\u06F0')),
                _ => chars[i],
            };
        }
        return new string(chars);
    }

    /// <summary>Removes control and invisible format characters (keeping line breaks) and trims.</summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            if (ch is '\n' or '\t') sb.Append(ch == '\t' ? ' ' : ch);
            else if (ch == '\r') continue;
            else if (char.IsControl(ch) || CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.Format) continue;
            else sb.Append(ch);
        }
        return sb.ToString().Trim();
    }

    /// <summary>
    /// The form used for matching: ASCII digits, lower case, no diacritics or tatweel, one alef for all hamza
    /// forms, ه for ة, ي for ى, punctuation dropped and spaces collapsed.
    /// </summary>
    public static string Normalize(string? text)
    {
        var clean = ToAsciiDigits(Clean(text));
        var sb = new StringBuilder(clean.Length);
        var pendingSpace = false;
        foreach (var raw in clean)
        {
            var ch = char.ToLowerInvariant(raw);
            if (ch is >= '\u064B' and <= '\u065F' || ch is '\u0670' or '\u0640') continue;
            ch = ch switch
            {
                'أ' or 'إ' or 'آ' or 'ٱ' => 'ا',
                'ؤ' => 'و',
                'ئ' => 'ي',
                'ى' => 'ي',
                'ة' => 'ه',
                _ => ch,
            };
            if (char.IsWhiteSpace(ch) || char.IsPunctuation(ch) || char.IsSymbol(ch))
            {
                pendingSpace = sb.Length > 0;
                continue;
            }
            if (pendingSpace) sb.Append(' ');
            pendingSpace = false;
            sb.Append(ch);
        }
        return sb.ToString();
    }

    /// <summary>A whole message that is a number (in any digit script, e.g. "٥" or "5."), or null.</summary>
    public static int? AsNumber(string normalized) =>
        normalized.Length is > 0 and <= 3 && normalized.All(char.IsAsciiDigit) ? int.Parse(normalized, CultureInfo.InvariantCulture) : null;
}
