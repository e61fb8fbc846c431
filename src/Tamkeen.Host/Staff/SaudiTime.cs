using System.Globalization;

namespace Tamkeen.Host.Staff;

/// <summary>Times as staff read them: Saudi time (Asia/Riyadh), with the Umm al-Qura Hijri date, in the console's language.</summary>
public static class SaudiTime
{
    private static readonly TimeZoneInfo Riyadh = FindRiyadh();
    private static readonly CultureInfo Hijri = UmAlQura();
    private static readonly UmAlQuraCalendar UmmAlQura = new();

    // .NET's English cultures have no Umm al-Qura calendar, so the English month names are written here.
    private static readonly string[] EnglishHijriMonths =
        ["Muharram", "Safar", "Rabi' I", "Rabi' II", "Jumada I", "Jumada II", "Rajab", "Sha'ban", "Ramadan", "Shawwal", "Dhu al-Qi'dah", "Dhu al-Hijjah"];

    public static DateTimeOffset ToSaudi(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Riyadh);

    /// <summary>"2026-12-02 05:40" in Saudi time; in English "2 Dec 2026, 05:40".</summary>
    public static string Gregorian(DateTimeOffset at) =>
        ToSaudi(at).ToString(ConsoleLanguage.English ? "d MMM yyyy, HH:mm" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"11 جمادى الآخرة 1448 هـ"; in English "11 Jumada II 1448 AH".</summary>
    public static string HijriDate(DateTimeOffset at)
    {
        var saudi = ToSaudi(at).DateTime;
        return ConsoleLanguage.English
            ? $"{UmmAlQura.GetDayOfMonth(saudi)} {EnglishHijriMonths[UmmAlQura.GetMonth(saudi) - 1]} {UmmAlQura.GetYear(saudi)} AH"
            : saudi.ToString("d MMMM yyyy", Hijri) + " هـ";
    }

    /// <summary>Both on one line: "2026-12-02 05:40 (11 جمادى الآخرة 1448 هـ)"; in English "2 Dec 2026, 05:40 (11 Jumada II 1448 AH)".</summary>
    public static string Describe(DateTimeOffset at) => $"{Gregorian(at)} ({HijriDate(at)})";

    /// <summary>The start of a Saudi calendar day, as a moment.</summary>
    public static DateTimeOffset StartOf(DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, Riyadh.GetUtcOffset(midnight));
    }

    private static TimeZoneInfo FindRiyadh()
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById("Asia/Riyadh"); }
        // No time zone data on the machine: Saudi Arabia keeps UTC+3 all year.
        catch (TimeZoneNotFoundException) { return TimeZoneInfo.CreateCustomTimeZone("Asia/Riyadh", TimeSpan.FromHours(3), "Asia/Riyadh", "AST"); }
    }

    private static CultureInfo UmAlQura()
    {
        var culture = (CultureInfo)CultureInfo.GetCultureInfo("ar-SA").Clone();
        culture.DateTimeFormat.Calendar = new UmAlQuraCalendar();
        // Western digits, as in the Gregorian time beside it.
        culture.NumberFormat.DigitSubstitution = DigitShapes.None;
        return culture;
    }
}
