using Microsoft.EntityFrameworkCore;

namespace Tamkeen.Host.Reports;

/// <summary>
/// The satisfaction figures of a set of polls sent: how many were answered (the response rate, answers ÷ polls sent), the
/// share of 4 and 5 among the answers (CSAT) and their average. <paramref name="TooFew"/>: fewer answers than the setting
/// asks to judge a staff member by; the figures are shown, marked, and no one is ranked on them.
/// </summary>
public sealed record Satisfaction(int Sent, int Answered, double? ResponseRate, double? Csat, double? Average, bool TooFew = false)
{
    public static Satisfaction Of(int sent, int answered, int satisfied, int scoreSum) => new(
        sent, answered, RequestsReport.Share(answered, sent), RequestsReport.Share(satisfied, answered),
        answered == 0 ? null : Math.Round((double)scoreSum / answered, 2));

    /// <summary>The figures of each group of polls, counted by the database.</summary>
    public static async Task<List<(TKey Key, Satisfaction Figures)>> ByAsync<TKey>(IQueryable<ScoredPoll<TKey>> polls, CancellationToken ct)
    {
        var groups = await polls.GroupBy(p => p.Key).Select(g => new
        {
            g.Key,
            Sent = g.Count(),
            Answered = g.Count(p => p.Score != null),
            Satisfied = g.Count(p => p.Score >= 4),
            ScoreSum = g.Sum(p => p.Score ?? 0),
        }).ToListAsync(ct);
        return [.. groups.Select(g => (g.Key, Of(g.Sent, g.Answered, g.Satisfied, g.ScoreSum)))];
    }
}

/// <summary>A poll's score (null: not answered) under the key it is grouped by.</summary>
public sealed class ScoredPoll<TKey>
{
    public required TKey Key { get; init; }
    public int? Score { get; init; }
}
