using Microsoft.EntityFrameworkCore;
using Tamkeen.Core.Conversations;
using Tamkeen.Core.Handoff;
using Tamkeen.Host.Data;
using Tamkeen.Host.Questions;

namespace Tamkeen.Host.Reports;

/// <summary>
/// How the services guide did in the period. Every question put to it is counted (an event), and each one it failed is
/// recorded once (no match, an answer that did not help, none of the suggestions); the rest it answered without a person.
/// Beside that: the people it failed, how many of them it handed to staff (a case opened because it failed twice), and the
/// questions it failed most often.
/// </summary>
public sealed record GuideReport(
    int Asked, int AnsweredWithoutPerson, double? AnsweredWithoutPersonShare, int Unanswered, Dictionary<string, int> ByReason,
    int PeopleUnanswered, int PeopleHandedToStaff, double? LeftWithoutPersonShare, List<UnansweredSummary> TopUnanswered)
{
    public const int TopCount = 10;

    public static async Task<GuideReport> ComputeAsync(TamkeenDb db, IDbContextFactory<TamkeenDb> dbFactory, ReportPeriod period, CancellationToken ct)
    {
        var (start, end) = (period.Start, period.End);
        var questions = db.UnansweredQuestions.AsNoTracking().Where(q => q.AskedAt >= start && q.AskedAt < end);
        var asked = await db.Events.CountAsync(e => e.Type == nameof(GuideQuestionAsked) && e.CreatedAt >= start && e.CreatedAt < end, ct);
        var byReason = await questions.GroupBy(q => q.Reason).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key.ToString(), g => g.Count, ct);
        var people = questions.Select(q => q.BeneficiaryId).Distinct();
        var peopleCount = await people.CountAsync(ct);
        var handed = await db.Cases.Where(c => c.Reason == CaseReason.GuideFailedTwice && c.OpenedAt >= start && c.OpenedAt < end && people.Contains(c.BeneficiaryId))
            .Select(c => c.BeneficiaryId).Distinct().CountAsync(ct);
        var top = await UnansweredEndpoints.TopAsync(dbFactory, start, end, TopCount, ct);
        var unanswered = byReason.Values.Sum();
        // Failures from before questions were counted could outnumber them; the answered part is never below zero.
        var answered = Math.Max(0, asked - unanswered);
        return new(asked, answered, RequestsReport.Share(answered, asked), unanswered, byReason,
            peopleCount, handed, RequestsReport.Share(peopleCount - handed, peopleCount), top);
    }
}
