using Microsoft.EntityFrameworkCore;
using Tamkeen.Core.Handoff;
using Tamkeen.Host.Data;
using Tamkeen.Host.Handoff;

namespace Tamkeen.Host.Reports;

/// <summary>How fast staff answered the cases opened in one part of the week, counted from the escalation (the case opening).</summary>
/// <param name="ToFirstReply">Over the cases a member of staff replied to.</param>
/// <param name="ToClose">Over the cases staff closed.</param>
public sealed record CaseTimes(int Opened, Durations ToFirstReply, Durations ToClose);

/// <summary>
/// The cases opened in the period: how many for each reason and in each status, and their times to the first staff reply and
/// to closing, for all of them and split by whether they opened during working hours.
/// </summary>
public sealed record CasesReport(
    int Opened, Dictionary<string, int> ByReason, Dictionary<string, int> ByStatus, int Urgent,
    CaseTimes All, CaseTimes InWorkingHours, CaseTimes OutsideWorkingHours)
{
    public static async Task<CasesReport> ComputeAsync(TamkeenDb db, ReportPeriod period, WorkingCalendar calendar, CancellationToken ct)
    {
        var (start, end) = (period.Start, period.End);
        var cases = db.Cases.AsNoTracking().Where(c => c.OpenedAt >= start && c.OpenedAt < end);
        var byReason = await cases.GroupBy(c => c.Reason).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key.ToString(), g => g.Count, ct);
        var byStatus = await cases.GroupBy(c => c.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key.ToString(), g => g.Count, ct);
        var urgent = await cases.CountAsync(c => c.Urgent, ct);
        // Working hours are a calendar with holidays, not something SQL knows; and EF Core does not translate the difference
        // of two converted times. So only the three times of each case are read, and split and measured here.
        var times = await cases
            .Select(c => new Times(c.OpenedAt, c.FirstReplyAt, c.Status == CaseStatus.Closed ? c.ClosedAt : null))
            .ToListAsync(ct);
        var inHours = times.ToLookup(t => calendar.IsOpen(t.OpenedAt));
        return new(byReason.Values.Sum(), byReason, byStatus, urgent, Measure(times), Measure([.. inHours[true]]), Measure([.. inHours[false]]));
    }

    private static CaseTimes Measure(List<Times> times) => new(times.Count,
        Durations.Of(times.Where(t => t.FirstReplyAt is not null).Select(t => t.FirstReplyAt!.Value - t.OpenedAt)),
        Durations.Of(times.Where(t => t.ClosedAt is not null).Select(t => t.ClosedAt!.Value - t.OpenedAt)));

    private sealed record Times(DateTimeOffset OpenedAt, DateTimeOffset? FirstReplyAt, DateTimeOffset? ClosedAt);
}
