using System.Globalization;

namespace Tamkeen.Core.Handoff;

/// <summary>How long a reply will take, in the person's language: "within about an hour", or when work resumes.</summary>
internal static class WaitWords
{
    private static readonly string[] ArabicDays = ["الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت"];

    /// <param name="within">The wording with {wait}, for working hours.</param>
    /// <param name="whenOpen">The wording with {at}, outside them.</param>
    public static string When(Conversations.Language language, HandoffSettings rules, DateTimeOffset now, string within, string whenOpen)
    {
        var calendar = rules.Calendar;
        if (calendar.IsOpen(now)) return within.Replace("{wait}", Duration(language, rules.ReplyWithin), StringComparison.Ordinal);
        var opening = calendar.Local(calendar.NextOpening(now));
        var today = DateOnly.FromDateTime(calendar.Local(now).DateTime);
        var day = DateOnly.FromDateTime(opening.DateTime);
        var arabic = language == Conversations.Language.Arabic;
        var dayWords = day == today ? (arabic ? "اليوم" : "today")
            : day == today.AddDays(1) ? (arabic ? "غداً" : "tomorrow")
            : arabic ? $"يوم {ArabicDays[(int)day.DayOfWeek]}" : $"on {day.DayOfWeek}";
        return whenOpen.Replace("{at}", $"{dayWords} {Time(language, TimeOnly.FromDateTime(opening.DateTime))}", StringComparison.Ordinal);
    }

    private static string Time(Conversations.Language language, TimeOnly time)
    {
        var hour = time.Hour % 12 == 0 ? 12 : time.Hour % 12;
        var clock = string.Create(CultureInfo.InvariantCulture, $"{hour}:{time.Minute:D2}");
        return language == Conversations.Language.Arabic
            ? $"الساعة {clock} {(time.Hour < 12 ? "صباحاً" : "مساءً")}"
            : $"at {clock} {(time.Hour < 12 ? "am" : "pm")}";
    }

    private static string Duration(Conversations.Language language, TimeSpan span)
    {
        var hours = (int)Math.Round(span.TotalHours);
        var minutes = (int)Math.Round(span.TotalMinutes);
        if (language == Conversations.Language.English)
            return minutes < 60 ? $"{minutes} minutes" : hours == 1 ? "an hour" : $"{hours} hours";
        if (minutes < 60) return minutes <= 10 && minutes > 2 ? $"{minutes} دقائق" : $"{minutes} دقيقة";
        return hours switch { 1 => "ساعة", 2 => "ساعتين", <= 10 => $"{hours} ساعات", _ => $"{hours} ساعة" };
    }
}
