using System.Globalization;
using Tamkeen.Core.Conversations;
using Tamkeen.Core.Requests;

namespace Tamkeen.Host.Staff;

/// <summary>Times as staff read them: Saudi time (UTC+3 all year), the Gregorian date with the Umm al-Qura Hijri date.</summary>
public static class SaudiTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(3);

    public static string Describe(DateTimeOffset at) =>
        $"{DueDate.Describe(at, Language.Arabic)}، {at.ToOffset(Offset).ToString("HH:mm", CultureInfo.InvariantCulture)}";

    /// <summary>The start of a Saudi calendar day, as a moment.</summary>
    public static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), Offset);
}
