using System.Globalization;
using Tamkeen.Host.Staff;

namespace Tamkeen.Host.Reports;

/// <summary>The Saudi calendar days a report covers, both included: by default the last 30 days up to today.</summary>
public sealed record ReportPeriod(DateOnly From, DateOnly To)
{
    public const int DefaultDays = 30;
    public const string DateFormat = "yyyy-MM-dd";

    /// <summary>
    /// The first moment in, in UTC: times are stored in binary form with their offset, and only UTC values compare in the
    /// order of time, so a Saudi midnight (+03:00) must be turned to UTC before it reaches a query.
    /// </summary>
    public DateTimeOffset Start => SaudiTime.StartOf(From);

    /// <summary>The first moment after it, in UTC.</summary>
    public DateTimeOffset End => SaudiTime.StartOf(To.AddDays(1));

    public static ReportPeriod LastDays(DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(SaudiTime.ToSaudi(now).DateTime);
        return new(today.AddDays(1 - DefaultDays), today);
    }

    /// <summary>The period asked for, or null with what is wrong; a missing date falls back to the default period's.</summary>
    public static ReportPeriod? Parse(string? from, string? to, DateTimeOffset now, out string? error)
    {
        var fallback = LastDays(now);
        var valid = TryDate(from, fallback.From, out var start) & TryDate(to, fallback.To, out var end);
        error = !valid ? $"from and to must be dates as {DateFormat}." : end < start ? "to must not be before from." : null;
        return error is null ? new ReportPeriod(start, end) : null;
    }

    private static bool TryDate(string? text, DateOnly fallback, out DateOnly date)
    {
        date = fallback;
        return string.IsNullOrWhiteSpace(text) || DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }
}
