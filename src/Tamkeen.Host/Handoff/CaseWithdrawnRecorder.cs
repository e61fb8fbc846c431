using Microsoft.EntityFrameworkCore;
using Tamkeen.Core.Handoff;
using Tamkeen.Host.Data;
using Tamkeen.Host.Messaging.Events;

namespace Tamkeen.Host.Handoff;

/// <summary>The person withdrew a case nobody had answered: it is closed as withdrawn and its timers dropped.</summary>
public sealed class CaseWithdrawnRecorder(CaseTimers timers) : EventRecorder<CaseWithdrawn>
{
    protected override async Task RecordAsync(TamkeenDb db, RecordContext context, CaseWithdrawn e, CancellationToken cancellationToken)
    {
        if (await CaseRecords.FindAsync(db, e.Reference, cancellationToken) is not { } staffCase) return;
        await db.Cases.Where(c => c.Id == staffCase.Id).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.Status, CaseStatus.Withdrawn).SetProperty(c => c.ClosedAt, context.Now), cancellationToken);
        staffCase.Status = CaseStatus.Withdrawn;
        await CaseLog.AddAsync(db, staffCase, CaseEntryKind.Withdrawn, context.Now, null, null, null, context.Input.Id, cancellationToken);
        await timers.StopAsync(db, staffCase.Reference, cancellationToken);
        context.TimerScheduled = true;
    }
}
