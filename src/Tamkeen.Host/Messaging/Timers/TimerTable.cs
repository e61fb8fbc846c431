using Microsoft.EntityFrameworkCore;
using Tamkeen.Core.Conversations;
using Tamkeen.Host.Data;

namespace Tamkeen.Host.Messaging.Timers;

/// <summary>
/// Sets and drops timers inside a database change, so a timer changes in the same commit as what it is about. After the
/// commit, tell <see cref="TimerSignal.Scheduled"/> the time scheduled, so the scheduler need not poll the table.
/// </summary>
public static class TimerTable
{
    /// <summary>Sets the one timer of this subject and kind to <paramref name="dueAt"/>, replacing what it had before.</summary>
    public static async Task ScheduleAsync(TamkeenDb db, string subject, TimerKind kind, DateTimeOffset dueAt, long? beneficiaryId,
        string? payload, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(subject.Length, DueTimer.SubjectMaxLength, nameof(subject));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(payload?.Length ?? 0, DueTimer.PayloadMaxLength, nameof(payload));

        // One scheduled earlier in this change is not in the table yet.
        if (db.Timers.Local.FirstOrDefault(t => t.Subject == subject && t.Kind == kind) is { } tracked)
        {
            (tracked.DueAt, tracked.BeneficiaryId, tracked.Payload) = (dueAt, beneficiaryId, payload);
            return;
        }
        var updated = await db.Timers.Where(t => t.Subject == subject && t.Kind == kind).ExecuteUpdateAsync(s => s
            .SetProperty(t => t.DueAt, dueAt)
            .SetProperty(t => t.BeneficiaryId, beneficiaryId)
            .SetProperty(t => t.Payload, payload), cancellationToken);
        if (updated == 0)
            db.Timers.Add(new DueTimer { Subject = subject, Kind = kind, DueAt = dueAt, BeneficiaryId = beneficiaryId, Payload = payload });
    }

    /// <summary>Drops the timer of this subject and kind, if there is one.</summary>
    public static async Task CancelAsync(TamkeenDb db, string subject, TimerKind kind, CancellationToken cancellationToken)
    {
        foreach (var tracked in db.Timers.Local.Where(t => t.Subject == subject && t.Kind == kind).ToList())
            db.Entry(tracked).State = EntityState.Detached;
        await db.Timers.Where(t => t.Subject == subject && t.Kind == kind).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>
    /// For a handler: deletes the timer as it was when it fired. False when it was rescheduled (same subject and kind,
    /// another due time) or cancelled meanwhile; then the handler must do nothing.
    /// </summary>
    public static async Task<bool> DeleteFiredAsync(TamkeenDb db, DueTimer timer, CancellationToken cancellationToken) =>
        await db.Timers.Where(t => t.Id == timer.Id && t.DueAt == timer.DueAt).ExecuteDeleteAsync(cancellationToken) == 1;
}
