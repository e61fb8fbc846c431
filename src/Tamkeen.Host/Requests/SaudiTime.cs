using System.Globalization;
using Tamkeen.Core.Requests;

namespace Tamkeen.Host.Requests;

/// <summary>Times as staff read them: Saudi time (Asia/Riyadh), the Gregorian date with the Umm al-Qura Hijri date beside it.</summary>
public static class SaudiTime
{
    private static readonly TimeZoneInfo Riyadh = FindRiyadh();
    private static readonly CultureInfo Hijri = UmAlQura();

    public static DateTimeOffset ToSaudi(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Riyadh);

    /// <summary>"2026-11-25 12:00", digits as typed on a keyboard so that a reference or a date reads the same everywhere.</summary>
    public static string Gregorian(DateTimeOffset at) => ToSaudi(at).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"5 جمادى الآخرة 1448 هـ".</summary>
    public static string HijriDate(DateTimeOffset at) => ToSaudi(at).DateTime.ToString("d MMMM yyyy", Hijri) + " هـ";

    /// <summary>The one-week promise in words: how much is left before the due date, how long it is overdue, or that it was decided.</summary>
    public static string Promise(RequestStatus status, DateTimeOffset dueAt, DateTimeOffset? overdueSince, DateTimeOffset now)
    {
        if (status is RequestStatus.Approved or RequestStatus.Rejected or RequestStatus.Completed) return "صدر القرار في الطلب.";
        if (overdueSince is not null || now >= dueAt) return $"متأخر عن موعد الرد منذ {Span(now - dueAt)}.";
        return $"المتبقي على موعد الرد: {Span(dueAt - now)}.";
    }

    /// <summary>Days and hours in Arabic ("3 أيام و4 ساعات", "يومان", "أقل من ساعة").</summary>
    public static string Span(TimeSpan span)
    {
        if (span < TimeSpan.Zero) span = TimeSpan.Zero;
        var days = (int)span.TotalDays;
        var hours = span.Hours;
        if (days == 0 && hours == 0) return "أقل من ساعة";
        var parts = new List<string>();
        if (days > 0) parts.Add(Count(days, "يوم واحد", "يومان", "أيام", "يوماً"));
        if (hours > 0) parts.Add(Count(hours, "ساعة واحدة", "ساعتان", "ساعات", "ساعة"));
        return string.Join(" و", parts);
    }

    private static string Count(int n, string one, string two, string few, string many) => n switch
    {
        1 => one,
        2 => two,
        <= 10 => $"{n} {few}",
        _ => $"{n} {many}",
    };

    private static TimeZoneInfo FindRiyadh()
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById("Asia/Riyadh"); }
        catch (TimeZoneNotFoundException) { return TimeZoneInfo.CreateCustomTimeZone("Asia/Riyadh", TimeSpan.FromHours(3), "Asia/Riyadh", "AST"); }
    }

    private static CultureInfo UmAlQura()
    {
        var culture = (CultureInfo)CultureInfo.GetCultureInfo("ar-SA").Clone();
        culture.DateTimeFormat.Calendar = new UmAlQuraCalendar();
        culture.NumberFormat.DigitSubstitution = DigitShapes.None;
        return culture;
    }
}
