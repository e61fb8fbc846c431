using Microsoft.EntityFrameworkCore;
using Tamkeen.Core.Requests;
using Tamkeen.Host.Data;

namespace Tamkeen.Host.Reports;

/// <summary>
/// The requests submitted in the period: how many in each status and service; of those whose week is settled (decided, or
/// due already), how many were decided (approved or rejected) by their due time; how many are overdue now; how long a
/// decision took, from submission to the first approval or rejection in the request's history.
/// </summary>
public sealed record RequestsReport(
    int Submitted, Dictionary<string, int> ByStatus, Dictionary<string, int> ByService,
    int Settled, int DecidedWithinPromise, double? WithinPromiseShare, int OverdueNow, Durations TimeToDecision)
{
    public static async Task<RequestsReport> ComputeAsync(TamkeenDb db, ReportPeriod period, DateTimeOffset now, CancellationToken ct)
    {
        var (start, end) = (period.Start, period.End);
        now = now.ToUniversalTime();
        var requests = db.ServiceRequests.AsNoTracking().Where(r => r.SubmittedAt >= start && r.SubmittedAt < end);
        var byStatus = await requests.GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key.ToString(), g => g.Count, ct);
        var byService = await requests.GroupBy(r => r.ServiceId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var settled = await requests.CountAsync(r => r.DueAt <= now || r.History.Any(h => h.Status == RequestStatus.Approved || h.Status == RequestStatus.Rejected), ct);
        var withinPromise = await requests.CountAsync(r => r.History.Any(h => (h.Status == RequestStatus.Approved || h.Status == RequestStatus.Rejected) && h.At <= r.DueAt), ct);
        var overdue = await requests.CountAsync(r => r.OverdueSince != null && !r.History.Any(h => h.Status == RequestStatus.Approved || h.Status == RequestStatus.Rejected), ct);
        // EF Core does not translate the difference of two converted times, so only the two times of each decided request are read.
        var decisions = await requests
            .Select(r => new { r.SubmittedAt, DecidedAt = r.History.Where(h => h.Status == RequestStatus.Approved || h.Status == RequestStatus.Rejected).Min(h => (DateTimeOffset?)h.At) })
            .Where(r => r.DecidedAt != null).ToListAsync(ct);
        return new(byStatus.Values.Sum(), byStatus, byService, settled, withinPromise, Share(withinPromise, settled), overdue,
            Durations.Of(decisions.Select(d => d.DecidedAt!.Value - d.SubmittedAt)));
    }

    public static double? Share(int part, int whole) => whole == 0 ? null : Math.Round(100.0 * part / whole, 1);
}
