using Microsoft.EntityFrameworkCore;
using Tamkeen.Core.Conversations;
using Tamkeen.Core.Surveys;
using Tamkeen.Host.Data;
using Tamkeen.Host.Staff;
using Tamkeen.Host.Surveys;

namespace Tamkeen.Host.Reports;

/// <summary>One group of polls in the report: its key (a channel, a service, a month…) and its figures.</summary>
/// <param name="Name">For a staff member (the key is the user name): the name they chose, if any.</param>
public sealed record SatisfactionGroup(string Key, Satisfaction Figures, string? Name = null);

/// <summary>A comment left with an answer; numbers that could be a phone or an ID are masked.</summary>
public sealed record PollComment(DateTimeOffset At, PollSubject Subject, string? Reference, Channel Channel, int Score, string Text);

/// <summary>
/// The satisfaction polls sent in the period (counted by the day they were sent): the figures over all of them, the
/// spread of scores 1–5, those not sent and why, those that expired unanswered, whether staff cases were resolved, and
/// the figures by channel, by what was rated, by service, by the staff member who handled it when the poll was sent, by
/// the request's outcome and by month; the latest comments. A late answer to an expired poll is not counted.
/// </summary>
public sealed record SatisfactionReport(
    Satisfaction All, int[] Distribution, Dictionary<string, int> NotSent, int Expired, int ResolvedYes, int ResolvedNo,
    List<SatisfactionGroup> ByChannel, List<SatisfactionGroup> BySubject, List<SatisfactionGroup> ByService,
    List<SatisfactionGroup> ByStaff, List<SatisfactionGroup> ByOutcome, List<SatisfactionGroup> ByMonth, List<PollComment> Comments)
{
    public const int CommentCount = 50;

    public static async Task<SatisfactionReport> ComputeAsync(TamkeenDb db, ReportPeriod period, int minimumAnswersPerStaff, CancellationToken ct)
    {
        var (start, end) = (period.Start, period.End);
        var inPeriod = db.Polls.AsNoTracking().Where(p => p.CreatedAt >= start && p.CreatedAt < end);
        var sent = inPeriod.Where(p => p.PollId != null);

        var all = await TotalAsync(sent, ct);
        var scores = await sent.Where(p => p.Score != null).GroupBy(p => p.Score!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var notSent = await inPeriod.Where(p => p.PollId == null).GroupBy(p => p.NotSentReason)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key.ToString()!, g => g.Count, ct);
        var expired = await sent.CountAsync(p => p.ExpiredAt != null, ct);
        var resolvedYes = await sent.CountAsync(p => p.Resolved == true, ct);
        var resolvedNo = await sent.CountAsync(p => p.Resolved == false, ct);

        var byChannel = Named(await Satisfaction.ByAsync(sent.Select(p => new ScoredPoll<Channel> { Key = p.Channel, Score = p.Score }), ct));
        var bySubject = Named(await Satisfaction.ByAsync(sent.Select(p => new ScoredPoll<PollSubject> { Key = p.Subject, Score = p.Score }), ct));
        var byService = Named(await Satisfaction.ByAsync(
            sent.Where(p => p.Subject == PollSubject.Request)
                .Join(db.ServiceRequests, p => p.Reference, r => r.Reference, (p, r) => new ScoredPoll<string> { Key = r.ServiceId, Score = p.Score }), ct));
        var byOutcome = Named(await Satisfaction.ByAsync(
            sent.Where(p => p.Outcome != null).Select(p => new ScoredPoll<string> { Key = p.Outcome!, Score = p.Score }), ct));
        var byStaff = (await Satisfaction.ByAsync(
                sent.Where(p => p.HandledBy != null).Select(p => new ScoredPoll<string> { Key = p.HandledBy!, Score = p.Score }), ct))
            .OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        var staffKeys = byStaff.Select(g => g.Key).ToList();
        var names = await db.Users.Where(u => staffKeys.Contains(u.UserName!) && u.DisplayName != null)
            .ToDictionaryAsync(u => u.UserName!, u => u.DisplayName!, ct);

        var byMonth = new List<SatisfactionGroup>();
        foreach (var month in Months(period))
        {
            var (monthStart, monthEnd) = (month.Start, month.End);
            var label = month.From.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
            byMonth.Add(new(label, await TotalAsync(sent.Where(p => p.CreatedAt >= monthStart && p.CreatedAt < monthEnd), ct)));
        }

        var comments = await sent.Where(p => p.Comment != null && p.Score != null).OrderByDescending(p => p.Id).Take(CommentCount)
            .Select(p => new PollComment(p.AnsweredAt ?? p.CreatedAt, p.Subject, p.Reference, p.Channel, p.Score!.Value, p.Comment!)).ToListAsync(ct);

        return new(all, [.. Enumerable.Range(1, 5).Select(s => scores.GetValueOrDefault(s))], notSent, expired, resolvedYes, resolvedNo,
            byChannel, bySubject, byService,
            [.. byStaff.Select(g => new SatisfactionGroup(g.Key, g.Figures with { TooFew = g.Figures.Answered < minimumAnswersPerStaff }, names.GetValueOrDefault(g.Key)))],
            byOutcome, byMonth,
            [.. comments.Select(c => c with { Text = ContactMask.Numbers(c.Text) })]);
    }

    private static List<SatisfactionGroup> Named<TKey>(List<(TKey Key, Satisfaction Figures)> groups) where TKey : notnull =>
        [.. groups.Select(g => new SatisfactionGroup(g.Key.ToString()!, g.Figures)).OrderBy(g => g.Key, StringComparer.Ordinal)];

    /// <summary>The figures over all these polls, in one grouped query.</summary>
    private static async Task<Satisfaction> TotalAsync(IQueryable<Poll> polls, CancellationToken ct) =>
        await Satisfaction.ByAsync(polls.Select(p => new ScoredPoll<int> { Key = 0, Score = p.Score }), ct) is [var total] ? total.Figures : Satisfaction.Of(0, 0, 0, 0);

    /// <summary>The Saudi calendar months the period touches, each cut to the period.</summary>
    private static IEnumerable<ReportPeriod> Months(ReportPeriod period)
    {
        for (var first = new DateOnly(period.From.Year, period.From.Month, 1); first <= period.To; first = first.AddMonths(1))
        {
            var last = first.AddMonths(1).AddDays(-1);
            yield return new(first < period.From ? period.From : first, last > period.To ? period.To : last);
        }
    }
}
