using Microsoft.EntityFrameworkCore;
using Tamkeen.Host.Data;
using Tamkeen.Host.Staff;

namespace Tamkeen.Host.Questions;

/// <summary>One question the guide failed to answer, however often it was asked, with the latest wording.</summary>
public sealed record UnansweredSummary(
    string Question, int Count, string Language, DateTimeOffset LastAskedAt, Dictionary<string, int> Reasons, List<string> NotHelpfulEntries);

/// <summary>The staff API for improving the guide: the questions it most often failed to answer.</summary>
public static class UnansweredEndpoints
{
    public const int MaxTop = 500;

    public static void MapUnansweredQuestions(this RouteGroupBuilder staff) =>
        staff.MapGet("/api/unanswered-questions", ListAsync);

    /// <param name="top">How many distinct questions, most frequent first (default 20).</param>
    /// <param name="days">Only questions asked in the last this many days (default: all).</param>
    private static async Task<IResult> ListAsync(IDbContextFactory<TamkeenDb> dbFactory, TimeProvider time, int? top, int? days, CancellationToken ct)
    {
        if (top is < 1 or > MaxTop) return Results.Problem($"top must be between 1 and {MaxTop}.", statusCode: StatusCodes.Status400BadRequest);
        if (days is < 1) return Results.Problem("days must be 1 or more.", statusCode: StatusCodes.Status400BadRequest);
        var since = days is { } d ? time.GetUtcNow().AddDays(-d) : DateTimeOffset.MinValue;
        var rows = await TopAsync(dbFactory, since, DateTimeOffset.MaxValue, top ?? 20, ct);
        return Results.Ok(rows.Select(q => new
        {
            question = q.Question, count = q.Count, language = q.Language, lastAskedAt = q.LastAskedAt, reasons = q.Reasons,
            notHelpfulEntries = q.NotHelpfulEntries,
        }));
    }

    /// <summary>The questions asked from <paramref name="since"/> until before <paramref name="until"/>, most frequent first, then most recent.</summary>
    public static async Task<List<UnansweredSummary>> TopAsync(IDbContextFactory<TamkeenDb> dbFactory, DateTimeOffset since, DateTimeOffset until, int top, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await Asked(db.UnansweredQuestions.Where(q => q.AskedAt >= since && q.AskedAt < until)).ToListAsync(ct);
        return Summaries(rows).Select(s => s.Summary).OrderByDescending(q => q.Count).ThenByDescending(q => q.LastAskedAt).Take(top).ToList();
    }

    /// <summary>A page of them for the console: the questions are grouped, counted and paged in the database, then only the page's are read.</summary>
    public static async Task<ListPage<UnansweredSummary>> PageAsync(IDbContextFactory<TamkeenDb> dbFactory, DateTimeOffset since, int? page, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var groups = await db.UnansweredQuestions.Where(q => q.AskedAt >= since).GroupBy(q => q.NormalizedQuestion)
            // The latest id stands for the latest time: ids grow as questions are recorded.
            .Select(g => new { Question = g.Key, Count = g.Count(), Latest = g.Max(q => q.Id) })
            .OrderByDescending(g => g.Count).ThenByDescending(g => g.Latest).PageAsync(page, ct);
        var wanted = groups.Items.Select(g => g.Question).ToList();
        var summaries = Summaries(await Asked(db.UnansweredQuestions.Where(q => q.AskedAt >= since && wanted.Contains(q.NormalizedQuestion))).ToListAsync(ct)).ToDictionary(s => s.Key, s => s.Summary);
        return groups.With(wanted.Select(q => summaries[q]).ToList());
    }

    private static IQueryable<AskedQuestion> Asked(IQueryable<UnansweredQuestion> questions) => questions.Select(q => new AskedQuestion(q.NormalizedQuestion, q.Question, q.Language, q.Reason, q.EntryId, q.AskedAt));

    private static IEnumerable<(string Key, UnansweredSummary Summary)> Summaries(IEnumerable<AskedQuestion> rows) => rows.GroupBy(q => q.NormalizedQuestion)
        .Select(g => (g.Key, new UnansweredSummary(
            g.OrderByDescending(q => q.AskedAt).First().Question,
            g.Count(),
            g.First().Language == Core.Conversations.Language.English ? "en" : "ar",
            g.Max(q => q.AskedAt),
            g.GroupBy(q => q.Reason).ToDictionary(r => r.Key.ToString(), r => r.Count()),
            g.Where(q => q.EntryId is not null).Select(q => q.EntryId!).Distinct().ToList())));

    private sealed record AskedQuestion(string NormalizedQuestion, string Question, Core.Conversations.Language Language, Core.Conversations.UnansweredReason Reason, string? EntryId, DateTimeOffset AskedAt);
}
