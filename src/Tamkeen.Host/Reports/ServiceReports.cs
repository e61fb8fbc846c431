using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tamkeen.Host.Data;
using Tamkeen.Host.Handoff;
using Tamkeen.Host.Surveys;

namespace Tamkeen.Host.Reports;

/// <summary>The managers' service-quality reports, computed in the database for one period; the page and the API both ask here.</summary>
public sealed class ServiceReports(
    IDbContextFactory<TamkeenDb> dbFactory, IOptions<HandoffOptions> handoff, IOptions<SurveyOptions> surveys, TimeProvider time)
{
    public DateTimeOffset Now => time.GetUtcNow();

    public int MinimumAnswersPerStaff => surveys.Value.MinimumAnswersPerStaff;

    public async Task<RequestsReport> RequestsAsync(ReportPeriod period, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await RequestsReport.ComputeAsync(db, period, Now, ct);
    }

    public async Task<CasesReport> CasesAsync(ReportPeriod period, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await CasesReport.ComputeAsync(db, period, handoff.Value.Calendar(), ct);
    }

    public async Task<GuideReport> GuideAsync(ReportPeriod period, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await GuideReport.ComputeAsync(db, dbFactory, period, ct);
    }

    public async Task<SatisfactionReport> SatisfactionAsync(ReportPeriod period, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await SatisfactionReport.ComputeAsync(db, period, MinimumAnswersPerStaff, ct);
    }

    public async Task<WeeklyTrend> TrendAsync(ReportPeriod period, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await WeeklyTrend.ComputeAsync(db, period, ct);
    }
}
