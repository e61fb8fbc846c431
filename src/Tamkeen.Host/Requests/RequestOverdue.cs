using Microsoft.EntityFrameworkCore;
using Tamkeen.Core.Conversations;
using Tamkeen.Core.Requests;
using Tamkeen.Host.Data;
using Tamkeen.Host.Messaging.Timers;

namespace Tamkeen.Host.Requests;

/// <summary>
/// The one-week promise, kept by a timer: a request still undecided when its due date passes is marked overdue at that
/// moment (<see cref="ServiceRequest.OverdueSince"/>), so staff lists read a stored fact instead of comparing clocks.
/// </summary>
public static class RequestOverdue
{
    private const string SubjectPrefix = "request/";

    /// <summary>Statuses still waiting for management's decision.</summary>
    private static readonly RequestStatus[] Undecided =
        [RequestStatus.Submitted, RequestStatus.Verified, RequestStatus.UnderStudy, RequestStatus.NeedsInformation];

    public static bool IsUndecided(RequestStatus status) => Undecided.Contains(status);

    public static string Subject(string reference) => SubjectPrefix + reference;

    /// <summary>
    /// In the change that stores a new request: its overdue timer, due at <see cref="ServiceRequest.DueAt"/>. After the
    /// commit, call <see cref="TimerSignal.Scheduled"/> with that time.
    /// </summary>
    public static Task ScheduleAsync(TamkeenDb db, ServiceRequest request, CancellationToken cancellationToken) =>
        TimerTable.ScheduleAsync(db, Subject(request.Reference), TimerKind.RequestOverdue, request.DueAt, beneficiaryId: null, payload: null,
            cancellationToken);

    /// <summary>
    /// In the change that gives <paramref name="request"/> its new status: sets its <see cref="ServiceRequest.OverdueSince"/>
    /// and its timer to match. Returns the due time of the timer it scheduled, for <see cref="TimerSignal.Scheduled"/>
    /// after the commit, or null.
    /// </summary>
    public static async Task<DateTimeOffset?> FollowStatusAsync(TamkeenDb db, ServiceRequest request, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var undecided = IsUndecided(request.Status);
        if (undecided && request.DueAt > now)
        {
            request.OverdueSince = null;
            await ScheduleAsync(db, request, cancellationToken);
            return request.DueAt;
        }
        // Undecided past its due date: overdue since then, whether its timer has fired yet or not.
        request.OverdueSince = undecided ? request.DueAt : null;
        await TimerTable.CancelAsync(db, Subject(request.Reference), TimerKind.RequestOverdue, cancellationToken);
        return null;
    }

    /// <summary>For the fired timer: marks its request overdue since the timer's due time, if it is still undecided.</summary>
    internal static async Task<bool> MarkAsync(TamkeenDb db, DueTimer timer, CancellationToken cancellationToken)
    {
        var reference = timer.Subject[SubjectPrefix.Length..];
        return await db.ServiceRequests.Where(r => r.Reference == reference && Undecided.Contains(r.Status))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.OverdueSince, timer.DueAt), cancellationToken) == 1;
    }
}
