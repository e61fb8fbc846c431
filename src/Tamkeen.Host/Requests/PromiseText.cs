using Tamkeen.Core.Requests;

namespace Tamkeen.Host.Requests;

/// <summary>The one-week promise as staff read it, in Arabic.</summary>
public static class PromiseText
{
    /// <summary>The one-week promise in words: how much is left before the due date, how long it is overdue, or that it was decided.</summary>
    public static string Describe(RequestStatus status, DateTimeOffset dueAt, DateTimeOffset? overdueSince, DateTimeOffset now)
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
}
