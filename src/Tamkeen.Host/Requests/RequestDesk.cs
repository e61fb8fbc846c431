using Microsoft.EntityFrameworkCore;
using Tamkeen.Core.Conversations;
using Tamkeen.Core.Requests;
using Tamkeen.Host.Content;
using Tamkeen.Host.Data;
using Tamkeen.Host.Messaging;
using Tamkeen.Host.Messaging.Timers;
using Tamkeen.Host.Staff;

namespace Tamkeen.Host.Requests;

/// <summary>
/// What staff do to a request. A status change moves only as <see cref="RequestTransitions"/> allows, and is recorded
/// with who, when, an internal note and a message to the person; in the same commit a notice carrying only that message
/// is stored in the person's inbox, and their lane tells them on the channel they last wrote from, in their language,
/// and for "needs information" waits for what was asked. A decision ends the request's overdue timer; going back to an
/// undecided status before the due date sets it again.
/// </summary>
public sealed class RequestDesk(
    IDbContextFactory<TamkeenDb> dbFactory, DatabaseWriter writer, ConversationLanes lanes, TimerSignal timerSignal, TimeProvider time)
{
    /// <param name="note">Internal: kept in the history, never sent.</param>
    /// <param name="message">Sent to the person with the news of the status.</param>
    /// <param name="manager">Whether the one changing it may decide (approve, reject).</param>
    public async Task<IResult> ChangeStatusAsync(string reference, RequestStatus status, string? note, string? message, string staff, bool manager,
        CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var request = await db.ServiceRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Reference == reference, ct);
        if (request is null) return Results.NotFound();
        if (request.Status == status) return Results.Problem($"The request is already {status}.", statusCode: StatusCodes.Status409Conflict);
        if (!RequestTransitions.IsAllowed(request.Status, status, manager))
        {
            return RequestTransitions.IsAllowed(request.Status, status, manager: true)
                ? Results.Problem($"{status} is a manager's decision.", statusCode: StatusCodes.Status403Forbidden)
                : Results.Problem($"A request that is {request.Status} can move to: {AllowedList(request.Status, manager)}.", statusCode: StatusCodes.Status409Conflict);
        }
        var lastMessage = await db.Inbox.AsNoTracking().Where(m => m.BeneficiaryId == request.BeneficiaryId && m.Kind == InputKind.Message).OrderByDescending(m => m.Id).FirstAsync(ct);
        var now = time.GetUtcNow();
        InboxMessage? notice = null;
        DateTimeOffset? overdueTimer = null;
        await writer.WriteAsync(async (changes, token) =>
        {
            var row = new ServiceRequest
            {
                Id = request.Id, Reference = request.Reference, ServiceId = request.ServiceId, AnswersJson = request.AnswersJson, DueAt = request.DueAt,
            };
            changes.ServiceRequests.Attach(row);
            row.Status = status;
            changes.Entry(row).Property(r => r.Status).IsModified = true;
            overdueTimer = await RequestOverdue.FollowStatusAsync(changes, row, now, token);
            changes.Entry(row).Property(r => r.OverdueSince).IsModified = true;
            changes.Add(new RequestHistoryEntry
            {
                ServiceRequestId = request.Id, Status = status, Note = note, MessageToBeneficiary = message, By = staff, At = now,
            });
            changes.AuditEntries.Add(AuditEntry.Create(now, staff, AuditActions.RequestStatusChanged, reference, $"{request.Status} → {status}"));
            changes.Inbox.Add(notice = InboxMessage.ForNotice(lastMessage, new RequestNotice(reference, request.ServiceId, status, message), now));
        }, committed: () => lanes.Enqueue(notice!), ct);
        if (overdueTimer is { } dueAt) timerSignal.Scheduled(dueAt);
        return Results.Ok(new { reference, status = status.ToString() });
    }

    private static string AllowedList(RequestStatus from, bool manager) =>
        RequestTransitions.AllowedFrom(from, manager) is { Count: > 0 } next ? string.Join(", ", next) : "nothing (it is closed)";

    public async Task<IResult> AddNoteAsync(string reference, string note, string staff, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var id = await db.ServiceRequests.Where(r => r.Reference == reference).Select(r => (long?)r.Id).SingleOrDefaultAsync(ct);
        if (id is null) return Results.NotFound();
        var now = time.GetUtcNow();
        await writer.WriteAsync(changes =>
        {
            changes.Add(new RequestHistoryEntry { ServiceRequestId = id.Value, Note = note, By = staff, At = now });
            changes.AuditEntries.Add(AuditEntry.Create(now, staff, AuditActions.RequestNoteAdded, reference));
        }, ct);
        return Results.Ok(new { reference });
    }
}
