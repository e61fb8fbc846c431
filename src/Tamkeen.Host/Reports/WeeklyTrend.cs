using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Tamkeen.Host.Data;

namespace Tamkeen.Host.Reports;

/// <summary>
/// Per week of the period (seven days from its first day; the last may be shorter): requests submitted, requests decided
/// (approvals and rejections made that week) and cases opened.
/// </summary>
public sealed record WeeklyTrend(List<string> Weeks, List<long> Submitted, List<long> Decided, List<long> CasesOpened)
{
    private static readonly UtcTimeToBinaryConverter Binary = new();

    public static async Task<WeeklyTrend> ComputeAsync(TamkeenDb db, ReportPeriod period, CancellationToken ct)
    {
        var weeks = (period.To.DayNumber - period.From.DayNumber) / 7 + 1;
        // Times are stored as UtcTimeToBinaryConverter's numbers; for UTC times these grow evenly with time, so the
        // week is a plain integer division, done by the database, which EF Core cannot write from LINQ over converted values.
        // Double-quoted names are standard SQL: SQLite and PostgreSQL both read them.
        var start = (long)Binary.ConvertToProvider(period.Start)!;
        var end = (long)Binary.ConvertToProvider(period.End)!;
        var week = (long)Binary.ConvertToProvider(period.Start.AddDays(7))! - start;
        var submitted = await CountAsync(db.Database.SqlQuery<WeekCount>($"""
            SELECT "Week", COUNT(*) AS "Count" FROM (SELECT ("SubmittedAt" - {start}) / {week} AS "Week" FROM "ServiceRequests"
            WHERE "SubmittedAt" >= {start} AND "SubmittedAt" < {end}) AS w GROUP BY "Week"
            """), weeks, ct);
        var decided = await CountAsync(db.Database.SqlQuery<WeekCount>($"""
            SELECT "Week", COUNT(*) AS "Count" FROM (SELECT ("At" - {start}) / {week} AS "Week" FROM "RequestHistoryEntry"
            WHERE "Status" IN ('Approved', 'Rejected') AND "At" >= {start} AND "At" < {end}) AS w GROUP BY "Week"
            """), weeks, ct);
        var opened = await CountAsync(db.Database.SqlQuery<WeekCount>($"""
            SELECT "Week", COUNT(*) AS "Count" FROM (SELECT ("OpenedAt" - {start}) / {week} AS "Week" FROM "Cases"
            WHERE "OpenedAt" >= {start} AND "OpenedAt" < {end}) AS w GROUP BY "Week"
            """), weeks, ct);
        var labels = Enumerable.Range(0, weeks).Select(i => period.From.AddDays(7 * i).ToString(ReportPeriod.DateFormat, CultureInfo.InvariantCulture)).ToList();
        return new(labels, submitted, decided, opened);
    }

    private static async Task<List<long>> CountAsync(IQueryable<WeekCount> query, int weeks, CancellationToken ct)
    {
        var counts = await query.ToDictionaryAsync(w => w.Week, w => w.Count, ct);
        return [.. Enumerable.Range(0, weeks).Select(i => counts.GetValueOrDefault(i))];
    }

    private sealed class WeekCount
    {
        public long Week { get; init; }
        public long Count { get; init; }
    }
}
