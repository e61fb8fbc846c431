using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Tamkeen.Host.Requests;
using Tamkeen.Host.Staff;

namespace Tamkeen.Host.Reports;

/// <summary>
/// The reports for managers: <c>/api/staff/reports/{satisfaction|requests|cases|guide|trend}</c> as JSON, or as CSV with <c>?format=csv</c>,
/// signed in with a bearer token as the requests API; and <c>/staff/reports/{…}.csv</c>, the console's download, signed in
/// to the console. For the Saudi days <c>from</c> to <c>to</c> (yyyy-MM-dd, both included; default the last 30 days).
/// </summary>
public static class ReportEndpoints
{
    public static void MapStaffReports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/staff/reports/{report}", (string report, string? from, string? to, string? format, ServiceReports reports, RequestConsole console, CancellationToken ct) =>
                format is null or "json" or "csv"
                    ? RespondAsync(report, from, to, format == "csv", reports, console, ct)
                    : Task.FromResult(Results.Problem("format must be json or csv.", statusCode: StatusCodes.Status400BadRequest)))
            .RequireAuthorization(new AuthorizeAttribute(StaffPolicies.Manager) { AuthenticationSchemes = StaffTokenHandler.SchemeName });
        app.MapGet("/staff/reports/{report}.csv", (string report, string? from, string? to, ServiceReports reports, RequestConsole console, CancellationToken ct) =>
                RespondAsync(report, from, to, csv: true, reports, console, ct))
            .RequireAuthorization(StaffPolicies.Manager);
    }

    private static async Task<IResult> RespondAsync(string report, string? from, string? to, bool csv, ServiceReports reports, RequestConsole console, CancellationToken ct)
    {
        if (ReportPeriod.Parse(from, to, reports.Now, out var error) is not { } period) return Results.Problem(error, statusCode: StatusCodes.Status400BadRequest);
        object figures;
        IEnumerable<ReportLine> lines;
        switch (report)
        {
            case "satisfaction":
                var satisfaction = await reports.SatisfactionAsync(period, ct);
                (figures, lines) = (satisfaction, SatisfactionLines.Of(satisfaction, console, reports.MinimumAnswersPerStaff));
                break;
            case "requests":
                var requests = await reports.RequestsAsync(period, ct);
                (figures, lines) = (requests, ReportLine.Of(requests, console));
                break;
            case "cases":
                var cases = await reports.CasesAsync(period, ct);
                (figures, lines) = (cases, ReportLine.Of(cases));
                break;
            case "guide":
                var guide = await reports.GuideAsync(period, ct);
                (figures, lines) = (guide, ReportLine.Of(guide));
                break;
            case "trend":
                var trend = await reports.TrendAsync(period, ct);
                (figures, lines) = (trend, ReportLine.Of(trend));
                break;
            default:
                return Results.NotFound();
        }
        return csv
            ? Results.File(ReportCsv.Write(lines), ReportCsv.ContentType,
                string.Create(CultureInfo.InvariantCulture, $"{report}-{period.From:yyyy-MM-dd}-{period.To:yyyy-MM-dd}.csv"))
            : Results.Ok(new { from = period.From, to = period.To, report = figures });
    }
}
