using Tamkeen.Core.Handoff;

namespace Tamkeen.Core.Tests.Handoff;

public sealed class WorkingCalendarTests
{
    private static readonly TimeSpan Riyadh = TimeSpan.FromHours(3);

    private static readonly WorkingCalendar Calendar = new(TimeZoneInfo.FindSystemTimeZoneById("Asia/Riyadh"),
        new HashSet<DayOfWeek> { DayOfWeek.Sunday, DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday },
        new TimeOnly(8, 0), new TimeOnly(14, 0), new HashSet<DateOnly> { new(2026, 12, 6) });

    [Fact]
    public void Working_time_within_a_day_is_plain_addition()
    {
        var start = new DateTimeOffset(2026, 12, 2, 9, 0, 0, Riyadh);
        Assert.Equal(start.AddMinutes(15), Calendar.AddWorkingTime(start, TimeSpan.FromMinutes(15)));
    }

    [Fact]
    public void Working_time_left_at_closing_carries_over_the_weekend_and_a_holiday()
    {
        // Thursday 13:50: ten minutes today, then Friday, Saturday and the Sunday holiday pass; five minutes on Monday.
        var start = new DateTimeOffset(2026, 12, 3, 13, 50, 0, Riyadh);
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 8, 5, 0, Riyadh), Calendar.AddWorkingTime(start, TimeSpan.FromMinutes(15)));
    }

    [Fact]
    public void A_case_opened_at_night_starts_counting_at_opening()
    {
        var night = new DateTimeOffset(2026, 12, 1, 23, 30, 0, Riyadh);
        Assert.False(Calendar.IsOpen(night));
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 8, 15, 0, Riyadh), Calendar.AddWorkingTime(night, TimeSpan.FromMinutes(15)));
    }

    [Fact]
    public void Closing_time_itself_is_outside_working_hours()
    {
        Assert.True(Calendar.IsOpen(new DateTimeOffset(2026, 12, 2, 13, 59, 0, Riyadh)));
        Assert.False(Calendar.IsOpen(new DateTimeOffset(2026, 12, 2, 14, 0, 0, Riyadh)));
        Assert.Equal(new DateTimeOffset(2026, 12, 3, 8, 0, 0, Riyadh), Calendar.NextOpening(new DateTimeOffset(2026, 12, 2, 14, 0, 0, Riyadh)));
    }
}
