using Microsoft.EntityFrameworkCore;
using Tamkeen.Core.Handoff;
using Tamkeen.Host.Data;
using Tamkeen.Host.Questions;

namespace Tamkeen.Host.Reports;

/// <summary>
/// How the services guide did in the period. The service records each question the guide failed (no match, an answer that
/// did not help, none of the suggestions), not each answer it gave, so the report counts failures: the unanswered questions
/// by reason, the people who asked them, and how many of those people the guide handed to staff (a case opened because it
/// failed twice). The share left without a person is of the people the guide failed: those it did not hand to staff.
/// </summary>
public sealed record GuideReport(
    int Unanswered, Dictionary<string, int> ByReason, int PeopleUnanswered, int PeopleHandedToStaff, double? LeftWithoutPersonShare,
    List<UnansweredSummary> TopUnanswered)
{
    public const int TopCount = 10;

    public static async Task<GuideReport> ComputeAsync(TamkeenDb db, IDbContextFactory<TamkeenDb> dbFactory, ReportPeriod period, CancellationToken ct)
    {
        var (start, end) = (period.Start, period.End);
        var questions = db.UnansweredQuestions.AsNoTracking().Where(q => q.AskedAt >= start && q.AskedAt < end);
        var byReason = await questions.GroupBy(q => q.Reason).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key.ToString(), g => g.Count, ct);
        var people = questions.Select(q => q.BeneficiaryId).Distinct();
        var peopleCount = await people.CountAsync(ct);
        var handed = await db.Cases.Where(c => c.Reason == CaseReason.GuideFailedTwice && c.OpenedAt >= start && c.OpenedAt < end && people.Contains(c.BeneficiaryId))
            .Select(c => c.BeneficiaryId).Distinct().CountAsync(ct);
        var top = await UnansweredEndpoints.TopAsync(dbFactory, start, end, TopCount, ct);
        return new(byReason.Values.Sum(), byReason, peopleCount, handed, RequestsReport.Share(peopleCount - handed, peopleCount), top);
    }
}
