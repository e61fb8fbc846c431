using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Tamkeen.Core.Text;
using static Tamkeen.Core.Requests.FieldResult;

namespace Tamkeen.Core.Requests;

/// <summary>Checks one typed answer to a request field and gives the value to store, in any digit script people use.</summary>
public static partial class FieldValidators
{
    public const int MaxFamilySize = 30;
    public const long MaxMonthlyIncome = 1_000_000;
    public const int MinDescriptionLetters = 10;

    /// <summary>Two or more names of two or more Arabic or Latin letters each; kept as typed, with single spaces.</summary>
    public static FieldResult FullName(string input)
    {
        var words = ArabicText.Clean(input).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (!words.All(IsNameWord)) return Invalid(FieldProblem.NameNotLetters);
        if (words.Length < 2 || words.Any(w => w.Count(IsCountedLetter) < 2)) return Invalid(FieldProblem.NameTooShort);
        return Valid(string.Join(' ', words));
    }

    /// <summary>A Saudi national ID (starts with 1) or iqama (starts with 2): ten digits, the last a Luhn check digit.</summary>
    public static FieldResult NationalId(string input)
    {
        var id = DigitsBetweenSeparators(input, allowParentheses: false);
        if (id is not { Length: 10 }) return Invalid(FieldProblem.NationalIdNotTenDigits);
        if (id[0] is not ('1' or '2')) return Invalid(FieldProblem.NationalIdFirstDigit);
        return HasValidCheckDigit(id) ? Valid(id) : Invalid(FieldProblem.NationalIdCheckDigit);
    }

    public static bool IsCitizen(string id) => id[0] == '1';

    /// <summary>"1*******67": enough to recognise in a summary or log without exposing the number.</summary>
    public static string MaskNationalId(string id) => Mask(id, 1, 2);

    /// <summary>A Saudi mobile in any of the ways people write it; the value is E.164, "+9665XXXXXXXX".</summary>
    public static FieldResult Mobile(string input)
    {
        var text = ArabicText.Clean(input);
        var international = text.StartsWith('+');
        var digits = DigitsBetweenSeparators(international ? text[1..] : text, allowParentheses: true);
        if (digits is null) return Invalid(FieldProblem.MobileFormat);
        string? subscriber = digits.Length switch
        {
            12 when digits.StartsWith("966", StringComparison.Ordinal) => digits[3..],
            14 when !international && digits.StartsWith("00966", StringComparison.Ordinal) => digits[5..],
            10 when !international && digits[0] == '0' => digits[1..],
            9 when !international => digits,
            _ => null,
        };
        return subscriber is ['5', ..] ? Valid("+966" + subscriber) : Invalid(FieldProblem.MobileFormat);
    }

    /// <summary>"+9665*****123".</summary>
    public static string MaskMobile(string e164) => Mask(e164, 5, 3);

    /// <summary>The code of a Qassim city typed by name or by its number in the list; see <see cref="QassimCities"/>.</summary>
    public static FieldResult City(string input) =>
        QassimCities.Match(input) is { } city ? Valid(city.Code)
        : Invalid(QassimCities.IsElsewhere(input) ? FieldProblem.CityOutsideQassim : FieldProblem.CityUnknown);

    /// <summary>"5", "٥", "6 أفراد", "6 people".</summary>
    public static FieldResult FamilySize(string input)
    {
        var match = CountWithUnit().Match(ArabicText.ToAsciiDigits(ArabicText.Clean(input)));
        if (!match.Success || !IsFamilyUnit(ArabicText.Normalize(match.Groups["unit"].Value)))
            return Invalid(FieldProblem.FamilySizeNotNumber);
        var size = ParseCapped(match.Groups["number"].Value, MaxFamilySize);
        return match.Groups["negative"].Success || size is < 1 or > MaxFamilySize
            ? Invalid(FieldProblem.FamilySizeOutOfRange)
            : Valid(size.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Whole riyals a month: "3,500", "٣٬٥٠٠ ريال", "SAR 3500.50" (3500), or no income at all ("لا يوجد") as 0.</summary>
    public static FieldResult MonthlyIncome(string input)
    {
        if (NoIncome.Contains(ArabicText.Normalize(input))) return Valid("0");
        var withoutCurrency = Currency().Replace(ArabicText.ToAsciiDigits(ArabicText.Clean(input)).ToLowerInvariant(), " ").Trim();
        var match = Amount().Match(withoutCurrency);
        if (!match.Success) return Invalid(FieldProblem.IncomeNotNumber);
        var riyals = ParseCapped(ThousandsSeparator().Replace(match.Groups["riyals"].Value, ""), MaxMonthlyIncome);
        return (match.Groups["negative"].Success && riyals > 0) || riyals > MaxMonthlyIncome
            ? Invalid(FieldProblem.IncomeOutOfRange)
            : Valid(riyals.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Free text with at least <see cref="MinDescriptionLetters"/> letters, so that "." or "help" is asked again.</summary>
    public static FieldResult Description(string input)
    {
        var text = ArabicText.Clean(input);
        return text.Count(char.IsLetter) >= MinDescriptionLetters ? Valid(text) : Invalid(FieldProblem.DescriptionTooShort);
    }

    private static string Mask(string value, int keepStart, int keepEnd) =>
        value.Length <= keepStart + keepEnd
            ? new string('*', value.Length)
            : string.Concat(value.AsSpan(0, keepStart), new string('*', value.Length - keepStart - keepEnd), value.AsSpan(value.Length - keepEnd));

    /// <summary>The ASCII digits of a number typed with spaces, dashes (and for phones parentheses) between them; null if anything else is there.</summary>
    private static string? DigitsBetweenSeparators(string input, bool allowParentheses)
    {
        var digits = new StringBuilder();
        foreach (var ch in ArabicText.ToAsciiDigits(ArabicText.Clean(input)))
        {
            if (char.IsAsciiDigit(ch)) digits.Append(ch);
            else if (char.IsWhiteSpace(ch) || char.GetUnicodeCategory(ch) == UnicodeCategory.DashPunctuation) continue;
            else if (allowParentheses && ch is '(' or ')') continue;
            else return null;
        }
        return digits.ToString();
    }

    // Luhn as used for Saudi IDs: digits in odd positions from the left (1-based) are doubled, and a doubled 10-18 counts its digit sum.
    private static bool HasValidCheckDigit(string id)
    {
        var sum = 0;
        for (var i = 0; i < id.Length; i++)
        {
            var digit = id[i] - '0';
            if (i % 2 == 0) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            sum += digit;
        }
        return sum % 10 == 0;
    }

    /// <summary>The value of an ASCII digit string, or cap + 1 when it is larger than cap (so that long input cannot overflow).</summary>
    private static long ParseCapped(string digits, long cap)
    {
        var significant = digits.TrimStart('0');
        if (significant.Length > cap.ToString(CultureInfo.InvariantCulture).Length) return cap + 1;
        return significant.Length == 0 ? 0 : Math.Min(long.Parse(significant, CultureInfo.InvariantCulture), cap + 1);
    }

    private static bool IsNameWord(string word)
    {
        for (var i = 0; i < word.Length; i++)
        {
            // A hyphen or apostrophe joining letters is part of how Latin names are written: "Al-Harbi", "O'Neil".
            var joinsLetters = word[i] is '-' or '\'' or '’' && i > 0 && i < word.Length - 1 && IsCountedLetter(word[i - 1]) && IsCountedLetter(word[i + 1]);
            if (!joinsLetters && !IsNameLetter(word[i]) && !IsNameMark(word[i])) return false;
        }
        return true;
    }

    private static bool IsNameLetter(char ch) =>
        char.IsLetter(ch) && (ch <= '\u024F' || ch is >= '\u0600' and <= '\u06FF' or >= '\u0750' and <= '\u077F' or >= '\uFB50' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFF');

    private static bool IsCountedLetter(char ch) => IsNameLetter(ch) && ch != '\u0640';

    private static bool IsNameMark(char ch) => ch is >= '\u064B' and <= '\u065F' or '\u0670' or >= '\u0300' and <= '\u036F';

    private static bool IsFamilyUnit(string normalizedUnit) => normalizedUnit.Length == 0 || FamilyUnits.Contains(normalizedUnit);

    private static readonly HashSet<string> FamilyUnits = new[]
    {
        "أفراد", "فرد", "أشخاص", "شخص", "أنفار", "نفر", "people", "persons", "person", "members", "member", "individuals",
    }.Select(ArabicText.Normalize).ToHashSet(StringComparer.Ordinal);

    private static readonly HashSet<string> NoIncome = new[]
    {
        "لا يوجد", "لايوجد", "لا يوجد دخل", "ما فيه دخل", "مافيه دخل", "ما في دخل", "مافي دخل", "ما فيه", "مافيه", "ما في", "مافي",
        "بدون دخل", "لا دخل", "لا شيء", "لا شي", "صفر", "no income", "none", "nothing", "zero",
    }.Select(ArabicText.Normalize).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"^(?<negative>[-−]\s*)?(?<number>\d+)(?<unit>\D*)$")]
    private static partial Regex CountWithUnit();

    [GeneratedRegex(@"ريالات|ريال(?:\s*سعودي)?|ر\s*\.?\s*س\s*\.?|(?<![a-z])(?:sar|sr|riyals?|rials?)(?![a-z])|[\uFDFC\u20C1]")]
    private static partial Regex Currency();

    [GeneratedRegex(@"^(?<negative>[-−]\s*)?(?<riyals>\d{1,3}(?:[,٬،]\d{3})+|\d+)(?:[.٫]\d*)?$")]
    private static partial Regex Amount();

    [GeneratedRegex("[,٬،]")]
    private static partial Regex ThousandsSeparator();
}
