using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Tamkeen.Core.Conversations;
using Tamkeen.Core.Requests;
using Tamkeen.Host.Data;
using Tamkeen.Host.Staff;

namespace Tamkeen.Host.Requests;

/// <summary>
/// The staff and managers' API for requests: list and filter, read one with its history, change status, add notes. Signed in
/// with a bearer token (<see cref="StaffTokenHandler"/>); any role reads, changes a status as
/// <see cref="Core.Requests.RequestTransitions"/> allows and adds notes; approving and rejecting take a manager.
/// </summary>
public static class StaffRequestEndpoints
{
    /// <param name="Note">Internal, never sent.</param>
    /// <param name="Message">To the person, sent with the status.</param>
    public sealed record StatusChange(string? Status, string? Note, string? Message);
    public sealed record NoteText(string? Note);

    public static void MapStaffRequests(this IEndpointRouteBuilder app)
    {
        var requests = app.MapGroup("/api/staff/requests")
            .RequireAuthorization(new AuthorizeAttribute(StaffPolicies.Staff) { AuthenticationSchemes = StaffTokenHandler.SchemeName });
        requests.MapGet("/", ListAsync);
        requests.MapGet("/{reference}", ReadAsync);
        requests.MapPost("/{reference}/status", ChangeStatusAsync);
        requests.MapPost("/{reference}/notes", async (string reference, NoteText note, HttpContext http, RequestDesk desk, CancellationToken ct) =>
            string.IsNullOrWhiteSpace(note.Note)
                ? Results.Problem("note must not be empty.", statusCode: 400)
                : (await desk.AddNoteAsync(reference, note.Note, StaffName(http), ct)).ToResult());
    }

    private static async Task<IResult> ChangeStatusAsync(string reference, StatusChange change, HttpContext http, RequestDesk desk,
        IAuthorizationService authorization, CancellationToken ct)
    {
        if (!Enum.TryParse<RequestStatus>(change.Status, ignoreCase: true, out var status) || !Enum.IsDefined(status))
            return Results.Problem($"status must be one of: {string.Join(", ", Enum.GetNames<RequestStatus>())}.", statusCode: 400);
        var manager = (await authorization.AuthorizeAsync(http.User, StaffPolicies.Manager)).Succeeded;
        return (await desk.ChangeStatusAsync(reference, status, change.Note, change.Message, StaffName(http), manager, ct)).ToResult();
    }

    private static string StaffName(HttpContext http) => http.User.Identity!.Name!;

    private static async Task<IResult> ListAsync(IDbContextFactory<TamkeenDb> dbFactory,
        string? status, string? service, string? city, bool? overdue, CancellationToken ct)
    {
        RequestStatus? wanted = null;
        if (status is not null)
        {
            if (!Enum.TryParse<RequestStatus>(status, ignoreCase: true, out var parsed)) return Results.Problem($"Unknown status '{status}'.", statusCode: 400);
            wanted = parsed;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.ServiceRequests.AsNoTracking();
        if (wanted is { } s) query = query.Where(r => r.Status == s);
        if (service is not null) query = query.Where(r => r.ServiceId == service);
        if (city is not null) query = query.Where(r => r.City == city);
        if (overdue is { } late) query = query.Where(r => (r.OverdueSince != null) == late);
        var rows = await query.OrderBy(r => r.DueAt).ToListAsync(ct);
        return Results.Ok(rows.Select(r => new
        {
            reference = r.Reference, service = r.ServiceId, status = r.Status.ToString(), city = r.City,
            nationalId = r.NationalId is null ? null : FieldValidators.MaskNationalId(r.NationalId),
            submittedAt = r.SubmittedAt, dueAt = r.DueAt, overdue = r.OverdueSince is not null, overdueSince = r.OverdueSince,
            informationReceived = r.InformationReceivedAt is not null, informationReceivedAt = r.InformationReceivedAt,
        }));
    }

    private static async Task<IResult> ReadAsync(string reference, IDbContextFactory<TamkeenDb> dbFactory, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var request = await db.ServiceRequests.AsNoTracking().Include(r => r.History).SingleOrDefaultAsync(r => r.Reference == reference, ct);
        if (request is null) return Results.NotFound();
        return Results.Ok(new
        {
            reference = request.Reference, service = request.ServiceId, status = request.Status.ToString(), city = request.City,
            answers = JsonSerializer.Deserialize<Dictionary<string, string>>(request.AnswersJson),
            attachments = Attachments(request.AttachmentsJson),
            submittedAt = request.SubmittedAt, dueAt = request.DueAt, overdue = request.OverdueSince is not null, overdueSince = request.OverdueSince,
            informationReceivedAt = request.InformationReceivedAt,
            history = request.History.OrderBy(h => h.Id)
                .Select(h => new { status = h.Status?.ToString(), note = h.Note, message = h.MessageToBeneficiary, attachments = Attachments(h.AttachmentsJson), by = h.By, at = h.At }),
        });
    }

    private static List<Attachment> Attachments(string? json) => json is null ? [] : JsonSerializer.Deserialize<List<Attachment>>(json) ?? [];
}
