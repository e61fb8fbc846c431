using Microsoft.EntityFrameworkCore;
using Tamkeen.Core.Conversations;
using Tamkeen.Host.Data;
using Tamkeen.Host.Messaging.Timers;

namespace Tamkeen.Host.Handoff;

/// <summary>
/// A case unclaimed after Handoff:UnclaimedAfter is posted again for the managers; one still without a staff reply after
/// Handoff:UnansweredAfter is raised again. Claiming and replying cancel these timers; a case closed meanwhile is left.
/// </summary>
public sealed class CaseReminderHandler(DatabaseWriter writer, TimerSignal timerSignal, TimeProvider time) : ITimerHandler
{
    public IReadOnlyCollection<TimerKind> Kinds { get; } = [TimerKind.CaseUnclaimed, TimerKind.CaseUnanswered];

    public async Task FireAsync(DueTimer timer, CancellationToken cancellationToken)
    {
        var reference = timer.Subject["case/".Length..];
        var now = time.GetUtcNow();
        var reminded = false;
        await writer.WriteAsync(async (db, ct) =>
        {
            if (!await TimerTable.DeleteFiredAsync(db, timer, ct)) return;
            var staffCase = await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Reference == reference, ct);
            var due = timer.Kind == TimerKind.CaseUnclaimed
                ? staffCase is { Status: CaseStatus.Open }
                : staffCase is { IsActive: true, FirstReplyAt: null };
            if (!due) return;
            await CaseLog.AddAsync(db, staffCase!, timer.Kind == TimerKind.CaseUnclaimed ? CaseEntryKind.Reposted : CaseEntryKind.StillUnanswered,
                now, null, null, null, null, ct);
            reminded = true;
        }, cancellationToken);
        if (reminded) timerSignal.Scheduled(now);
    }
}
