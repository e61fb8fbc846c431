namespace Tamkeen.Core.Handoff;

/// <summary>
/// When staff work: the working days and hours in the association's time zone, less its holidays. Staff-side waits
/// (the reply people are promised, the re-post of an unclaimed case) count only working time.
/// </summary>
public sealed class WorkingCalendar(TimeZoneInfo zone, IReadOnlySet<DayOfWeek> days, TimeOnly opens, TimeOnly closes, IReadOnlySet<DateOnly> holidays)
{
    /// <summary>Sunday to Thursday, 8:00 to 14:00, Saudi time, no holidays.</summary>
    public static WorkingCalendar Default { get; } = new(
        TimeZoneInfo.FindSystemTimeZoneById("Asia/Riyadh"),
        new HashSet<DayOfWeek> { DayOfWeek.Sunday, DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday },
        new TimeOnly(8, 0), new TimeOnly(14, 0), new HashSet<DateOnly>());

    public TimeZoneInfo Zone => zone;

    public DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, zone);

    public bool IsOpen(DateTimeOffset at)
    {
        var local = Local(at);
        var time = TimeOnly.FromDateTime(local.DateTime);
        return IsWorkingDay(DateOnly.FromDateTime(local.DateTime)) && time >= opens && time < closes;
    }

    /// <summary><paramref name="at"/> itself during working hours, otherwise when they next begin.</summary>
    public DateTimeOffset NextOpening(DateTimeOffset at)
    {
        if (IsOpen(at)) return at;
        var local = Local(at);
        var day = DateOnly.FromDateTime(local.DateTime);
        if (TimeOnly.FromDateTime(local.DateTime) >= opens) day = day.AddDays(1);
        // A year ahead is enough for any holiday list; options validation makes sure some day is a working day.
        for (var i = 0; i < 400 && !IsWorkingDay(day); i++) day = day.AddDays(1);
        return At(day, opens);
    }

    /// <summary>The moment <paramref name="span"/> of working time after <paramref name="from"/>.</summary>
    public DateTimeOffset AddWorkingTime(DateTimeOffset from, TimeSpan span)
    {
        var at = NextOpening(from);
        while (true)
        {
            var close = At(DateOnly.FromDateTime(Local(at).DateTime), closes);
            if (at + span <= close) return at + span;
            span -= close - at;
            at = NextOpening(close);
        }
    }

    private bool IsWorkingDay(DateOnly day) => days.Contains(day.DayOfWeek) && !holidays.Contains(day);

    private DateTimeOffset At(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
