using Microsoft.EntityFrameworkCore;
using Tamkeen.Host.Data;

namespace Tamkeen.Host.Questions;

/// <summary>The staff API for improving the guide: the questions it most often failed to answer.</summary>
public static class UnansweredEndpoints
{
    private const int MaxTop = 500;

    public static void MapUnansweredQuestions(this RouteGroupBuilder staff) =>
        staff.MapGet("/api/unanswered-questions", ListAsync);

    /// <param name="top">How many distinct questions, most frequent first (default 20).</param>
    /// <param name="days">Only questions asked in the last this many days (default: all).</param>
    private static async Task<IResult> ListAsync(IDbContextFactory<TamkeenDb> dbFactory, TimeProvider time, int? top, int? days, CancellationToken ct)
    {
        if (top is < 1 or > MaxTop) return Results.Problem($"top must be between 1 and {MaxTop}.", statusCode: StatusCodes.Status400BadRequest);
        if (days is < 1) return Results.Problem("days must be 1 or more.", statusCode: StatusCodes.Status400BadRequest);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var since = days is { } d ? time.GetUtcNow().AddDays(-d) : DateTimeOffset.MinValue;
        var rows = await db.UnansweredQuestions.Where(q => q.AskedAt >= since)
            .Select(q => new { q.NormalizedQuestion, q.Question, q.Language, q.Reason, q.EntryId, q.AskedAt })
            .ToListAsync(ct);
        var grouped = rows.GroupBy(q => q.NormalizedQuestion)
            .Select(g => new
            {
                question = g.OrderByDescending(q => q.AskedAt).First().Question,
                count = g.Count(),
                language = g.First().Language == Core.Conversations.Language.English ? "en" : "ar",
                lastAskedAt = g.Max(q => q.AskedAt),
                reasons = g.GroupBy(q => q.Reason).ToDictionary(r => r.Key.ToString(), r => r.Count()),
                notHelpfulEntries = g.Where(q => q.EntryId is not null).Select(q => q.EntryId).Distinct().ToList(),
            })
            .OrderByDescending(q => q.count).ThenByDescending(q => q.lastAskedAt)
            .Take(top ?? 20)
            .ToList();
        return Results.Ok(grouped);
    }
}
