using Tamkeen.Core.Requests;
using static Tamkeen.Host.Staff.ConsoleLanguage;

namespace Tamkeen.Host.Requests;

/// <summary>The one-week promise as staff read it, in the console's language.</summary>
public static class PromiseText
{
    /// <summary>The one-week promise in words: how much is left before the due date, how long it is overdue, or that it was decided.</summary>
    public static string Describe(RequestStatus status, DateTimeOffset dueAt, DateTimeOffset? overdueSince, DateTimeOffset now)
    {
        if (status is RequestStatus.Approved or RequestStatus.Rejected or RequestStatus.Completed) return Say("صدر القرار في الطلب.", "The request has been decided.");
        if (overdueSince is not null || now >= dueAt) return Say($"متأخر عن موعد الرد منذ {Span(now - dueAt)}.", $"Past the reply date by {Span(now - dueAt)}.");
        return Say($"المتبقي على موعد الرد: {Span(dueAt - now)}.", $"Left before the reply date: {Span(dueAt - now)}.");
    }

    /// <summary>Days and hours ("3 أيام و4 ساعات", "يومان", "أقل من ساعة"; "3 days and 4 hours", "less than an hour").</summary>
    public static string Span(TimeSpan span)
    {
        if (span < TimeSpan.Zero) span = TimeSpan.Zero;
        var days = (int)span.TotalDays;
        var hours = span.Hours;
        if (days == 0 && hours == 0) return Say("أقل من ساعة", "less than an hour");
        var parts = new List<string>();
        if (days > 0) parts.Add(English ? EnglishCount(days, "day") : Count(days, "يوم واحد", "يومان", "أيام", "يوماً"));
        if (hours > 0) parts.Add(English ? EnglishCount(hours, "hour") : Count(hours, "ساعة واحدة", "ساعتان", "ساعات", "ساعة"));
        return string.Join(Say(" و", " and "), parts);
    }

    private static string Count(int n, string one, string two, string few, string many) => n switch
    {
        1 => one,
        2 => two,
        <= 10 => $"{n} {few}",
        _ => $"{n} {many}",
    };

    private static string EnglishCount(int n, string unit) => n == 1 ? $"1 {unit}" : $"{n} {unit}s";
}
