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
    private static readonly string[] Key = [nameof(DueTimer.Subject), nameof(DueTimer.Kind)];

    /// <summary>Sets the one timer of this subject and kind to <paramref name="dueAt"/>, replacing what it had before.</summary>
    /// <remarks>Written at once (a prepared statement), so a later step of the same change sees it.</remarks>
    public static Task ScheduleAsync(TamkeenDb db, string subject, TimerKind kind, DateTimeOffset dueAt, long? beneficiaryId,
        string? payload, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(subject.Length, DueTimer.SubjectMaxLength, nameof(subject));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(payload?.Length ?? 0, DueTimer.PayloadMaxLength, nameof(payload));
        cancellationToken.ThrowIfCancellationRequested();
        db.Rows.Upsert(new DueTimer { Subject = subject, Kind = kind, DueAt = dueAt, BeneficiaryId = beneficiaryId, Payload = payload }, Key);
        return Task.CompletedTask;
    }

    /// <summary>Drops the timer of this subject and kind, if there is one.</summary>
    public static async Task CancelAsync(TamkeenDb db, string subject, TimerKind kind, CancellationToken cancellationToken)
    {
        await db.Timers.Where(t => t.Subject == subject && t.Kind == kind).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>
    /// For a handler: deletes the timer as it was when it fired. False when it was rescheduled (same subject and kind,
    /// another due time) or cancelled meanwhile; then the handler must do nothing.
    /// </summary>
    public static async Task<bool> DeleteFiredAsync(TamkeenDb db, DueTimer timer, CancellationToken cancellationToken) =>
        await db.Timers.Where(t => t.Id == timer.Id && t.DueAt == timer.DueAt).ExecuteDeleteAsync(cancellationToken) == 1;
}
