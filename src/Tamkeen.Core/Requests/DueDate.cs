using System.Globalization;
using Tamkeen.Core.Conversations;

namespace Tamkeen.Core.Requests;

/// <summary>The one-week promise: management replies within seven days of submission.</summary>
public static class DueDate
{
    public static readonly TimeSpan Promise = TimeSpan.FromDays(7);

    private static readonly CultureInfo Hijri = UmAlQura();

    public static DateTimeOffset For(DateTimeOffset submittedAt) => submittedAt + Promise;

    /// <summary>Arabic: the Gregorian date with the Umm al-Qura Hijri date beside it; English: the Gregorian date.</summary>
    public static string Describe(DateTimeOffset due, Language language)
    {
        var date = due.UtcDateTime.AddHours(3); // Saudi time, UTC+3 all year
        var gregorian = date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo(language == Language.English ? "en-GB" : "ar-EG"));
        return language == Language.English
            ? gregorian
            : $"{gregorian} م ({date.ToString("d MMMM yyyy", Hijri)} هـ)";
    }

    private static CultureInfo UmAlQura()
    {
        var culture = (CultureInfo)CultureInfo.GetCultureInfo("ar-SA").Clone();
        culture.DateTimeFormat.Calendar = new UmAlQuraCalendar();
        return culture;
    }
}
