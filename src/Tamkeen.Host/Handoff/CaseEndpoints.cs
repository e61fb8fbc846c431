using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Tamkeen.Core.Conversations;
using Tamkeen.Host.Staff;
using Tamkeen.Host.Staff.Pages.Cases;

namespace Tamkeen.Host.Handoff;

/// <summary>
/// The console's live queue (<c>/staff/cases/events</c>, the table it reloads, the person's files) behind the sign-in
/// cookie, and the cases API under <c>/api/staff/cases</c> behind a bearer token (<see cref="StaffTokenHandler"/>).
/// </summary>
public static class CaseEndpoints
{
    public sealed record ReplyText(string? Text);

    public static void MapCases(this IEndpointRouteBuilder app)
    {
        var console = app.MapGroup("/staff/cases")
            .RequireAuthorization(new AuthorizeAttribute(StaffPolicies.Staff) { AuthenticationSchemes = IdentityConstants.ApplicationScheme });
        console.MapGet("/events", (ConsoleCaseFeed feed, HttpContext http) => TypedResults.ServerSentEvents(StreamAsync(feed, http.RequestAborted)));
        console.MapGet("/table", (string? status) => new RazorComponentResult<CaseTable>(new { Status = status }));
        console.MapGet("/{reference}/messages/{inboxMessageId:long}/attachments/{index:int}", AttachmentAsync);

        var api = app.MapGroup("/api/staff/cases")
            .RequireAuthorization(new AuthorizeAttribute(StaffPolicies.Staff) { AuthenticationSchemes = StaffTokenHandler.SchemeName });
        api.MapGet("/", ListAsync);
        api.MapGet("/{reference}", ReadAsync);
        api.MapPost("/{reference}/claim", (string reference, HttpContext http, CaseConsole cases, CaseDesk desk, CancellationToken ct) =>
            ActAsync(reference, http, cases, staff => desk.ClaimAsync(reference, staff, ct)));
        api.MapPost("/{reference}/reply", (string reference, ReplyText reply, HttpContext http, CaseConsole cases, CaseDesk desk, CancellationToken ct) =>
            string.IsNullOrWhiteSpace(reply.Text)
                ? Task.FromResult<IResult>(TypedResults.Problem("text must be the reply to send the person; it was empty.", statusCode: 400))
                : reply.Text.Length > CaseReplyForm.MaxLength
                    ? Task.FromResult<IResult>(TypedResults.Problem($"text is longer than {CaseReplyForm.MaxLength} characters; shorten it or send two replies.", statusCode: 400))
                    : ActAsync(reference, http, cases, staff => desk.ReplyAsync(reference, staff, reply.Text, [], ct)));
        api.MapPost("/{reference}/release", (string reference, HttpContext http, CaseConsole cases, CaseDesk desk, CancellationToken ct) =>
            ActAsync(reference, http, cases, staff => desk.ReleaseAsync(reference, staff, ct)));
        api.MapPost("/{reference}/close", (string reference, HttpContext http, CaseConsole cases, CaseDesk desk, CancellationToken ct) =>
            ActAsync(reference, http, cases, staff => desk.CloseAsync(reference, staff, ct)));
        api.MapPost("/{reference}/reopen", (string reference, HttpContext http, CaseConsole cases, CaseDesk desk, CancellationToken ct) =>
            ActAsync(reference, http, cases, staff => desk.ReopenAsync(reference, staff, ct)));
    }

    /// <summary>A "ready" event first so the response starts now; then one event per announced entry.</summary>
    private static async IAsyncEnumerable<SseItem<CaseChange?>> StreamAsync(ConsoleCaseFeed feed, [EnumeratorCancellation] CancellationToken ct)
    {
        using var listener = feed.Listen();
        yield return new SseItem<CaseChange?>(null, "ready");
        await foreach (var change in listener.Reader.ReadAllAsync(ct)) yield return new SseItem<CaseChange?>(change, "case");
    }

    private static async Task<IResult> AttachmentAsync(string reference, long inboxMessageId, int index, CaseConsole cases,
        Messaging.AttachmentStore store, CancellationToken ct)
    {
        if (await cases.FindAttachmentAsync(reference, inboxMessageId, index, ct) is not { } attachment || store.KeptFile(attachment) is not { } path)
            return TypedResults.NotFound();
        // A download, never shown inline: a file someone sent must not run as a page of the console.
        return TypedResults.PhysicalFile(path, attachment.ContentType, fileDownloadName: Path.GetFileName(path), enableRangeProcessing: true);
    }

    private static async Task<IResult> ListAsync(string? status, CaseConsole cases, CancellationToken ct)
    {
        if (CaseText.Filter(status) is not { } filter)
            return TypedResults.Problem($"status must be one of: {string.Join(", ", Enum.GetNames<CaseFilter>().Select(n => n.ToLowerInvariant()))}.", statusCode: 400);
        var lines = await cases.ListAsync(filter, ct);
        return TypedResults.Ok(lines.Select(l => Summary(l.Case)));
    }

    private static async Task<IResult> ReadAsync(string reference, CaseConsole cases, CancellationToken ct)
    {
        if (await cases.ReadAsync(reference, ct) is not { } view) return NotFound(reference);
        return TypedResults.Ok(new
        {
            @case = Summary(view.Case),
            timeline = view.Timeline.Select(e => new
            {
                kind = e.Kind.ToString(), at = e.At, by = e.By,
                text = e.Text is null ? null : ContactMask.Numbers(e.Text),
                attachments = e.AttachmentsJson is null ? 0 : JsonSerializer.Deserialize<List<Attachment>>(e.AttachmentsJson)!.Count,
            }),
        });
    }

    private static object Summary(StaffCase c) => new
    {
        reference = c.Reference, reason = c.Reason.ToString(), urgent = c.Urgent, channel = c.Channel.ToString(), status = c.Status.ToString(),
        openedAt = c.OpenedAt, claimedAt = c.ClaimedAt, claimedBy = c.ClaimedBy, firstReplyAt = c.FirstReplyAt, closedAt = c.ClosedAt, closedBy = c.ClosedBy,
    };

    private static async Task<IResult> ActAsync(string reference, HttpContext http, CaseConsole cases, Func<StaffMember, Task<CaseActionResult>> act)
    {
        var result = await act(await cases.StaffAsync(http.User));
        return result.Outcome switch
        {
            CaseOutcome.Done => TypedResults.Ok(new { reference, claimedBy = result.ClaimedBy }),
            CaseOutcome.NotFound => NotFound(reference),
            CaseOutcome.ClaimedByOther => Conflict($"{result.ClaimedBy} has already claimed case {reference}; ask them, or leave it to them.", result.ClaimedBy),
            CaseOutcome.NotActive => Conflict($"Case {reference} is no longer active (closed, released or withdrawn); reopen it first.", result.ClaimedBy),
            CaseOutcome.StillActive => Conflict($"Case {reference} is still active: there is nothing to reopen.", result.ClaimedBy),
            _ => Conflict($"The person has another active case now; answer them on that one instead of reopening {reference}.", null),
        };
    }

    private static ProblemHttpResult NotFound(string reference) =>
        TypedResults.Problem($"There is no case {reference}; check the reference (e.g. from GET /api/staff/cases).", statusCode: 404);

    private static ProblemHttpResult Conflict(string detail, string? claimedBy) =>
        TypedResults.Problem(detail, statusCode: 409, extensions: claimedBy is null ? null : new Dictionary<string, object?> { ["claimedBy"] = claimedBy });
}
