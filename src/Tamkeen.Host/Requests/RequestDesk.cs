using Tamkeen.Core.Surveys;
using Tamkeen.Host.Surveys;
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
    IDbContextFactory<TamkeenDb> dbFactory, DatabaseWriter writer, ConversationLanes lanes, PollTrigger polls, TimerSignal timerSignal, TimeProvider time)
{
    /// <param name="note">Internal: kept in the history, never sent.</param>
    /// <param name="message">Sent to the person with the news of the status.</param>
    /// <param name="manager">Whether the one changing it may decide (approve, reject).</param>
    public async Task<DeskOutcome> ChangeStatusAsync(string reference, RequestStatus status, string? note, string? message, string staff, bool manager,
        CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var request = await db.ServiceRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Reference == reference, ct);
        if (request is null) return new(DeskOutcomeKind.NotFound, reference, status);
        if (request.Status == status) return new(DeskOutcomeKind.AlreadyThere, reference, status, request.Status);
        if (!RequestTransitions.IsAllowed(request.Status, status, manager))
        {
            return RequestTransitions.IsAllowed(request.Status, status, manager: true)
                ? new(DeskOutcomeKind.ManagersDecision, reference, status, request.Status)
                : new(DeskOutcomeKind.NotAllowed, reference, status, request.Status, RequestTransitions.AllowedFrom(request.Status, manager));
        }
        // A request comes from a conversation, so its person has written.
        var lastMessage = (await InboxMessage.LastFromPersonAsync(db.Inbox, request.BeneficiaryId, ct))!;
        var now = time.GetUtcNow();
        InboxMessage? notice = null;
        DateTimeOffset? overdueTimer = null;
        DateTimeOffset? pollTimer = null;
        await writer.WriteAsync(async (changes, token) =>
        {
            if (status is RequestStatus.Completed or RequestStatus.Rejected)
                pollTimer = await polls.ScheduleAsync(changes, request.BeneficiaryId, new PollTopic(PollSubject.Request, reference, status.ToString()), now, token);
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
        if (pollTimer is { } pollAt) timerSignal.Scheduled(pollAt);
        return new(DeskOutcomeKind.Done, reference, status, request.Status);
    }

    public async Task<DeskOutcome> AddNoteAsync(string reference, string note, string staff, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var id = await db.ServiceRequests.Where(r => r.Reference == reference).Select(r => (long?)r.Id).SingleOrDefaultAsync(ct);
        if (id is null) return new(DeskOutcomeKind.NotFound, reference);
        var now = time.GetUtcNow();
        await writer.WriteAsync(changes =>
        {
            changes.Add(new RequestHistoryEntry { ServiceRequestId = id.Value, Note = note, By = staff, At = now });
            changes.AuditEntries.Add(AuditEntry.Create(now, staff, AuditActions.RequestNoteAdded, reference));
        }, ct);
        return new(DeskOutcomeKind.Done, reference);
    }
}

public enum DeskOutcomeKind
{
    Done,
    NotFound,
    /// <summary>The request already has the status asked for.</summary>
    AlreadyThere,
    /// <summary>A move only a manager may make.</summary>
    ManagersDecision,
    /// <summary>A move outside <see cref="RequestTransitions"/>; <see cref="DeskOutcome.Allowed"/> says what is possible.</summary>
    NotAllowed,
}

/// <summary>What came of a change at the desk, for the API (<see cref="ToResult"/>) and the console's pages to say in their way.</summary>
/// <param name="Status">The status asked for (a status change).</param>
/// <param name="From">The request's status before.</param>
public sealed record DeskOutcome(DeskOutcomeKind Kind, string Reference, RequestStatus? Status = null, RequestStatus? From = null,
    IReadOnlyList<RequestStatus>? Allowed = null)
{
    public IResult ToResult() => Kind switch
    {
        DeskOutcomeKind.NotFound => Results.NotFound(),
        DeskOutcomeKind.AlreadyThere => Results.Problem($"The request is already {Status}.", statusCode: StatusCodes.Status409Conflict),
        DeskOutcomeKind.ManagersDecision => Results.Problem($"{Status} is a manager's decision.", statusCode: StatusCodes.Status403Forbidden),
        DeskOutcomeKind.NotAllowed => Results.Problem(
            $"A request that is {From} can move to: {(Allowed is { Count: > 0 } next ? string.Join(", ", next) : "nothing (it is closed)")}.",
            statusCode: StatusCodes.Status409Conflict),
        _ when Status is { } status => Results.Ok(new { reference = Reference, status = status.ToString() }),
        _ => Results.Ok(new { reference = Reference }),
    };
}
