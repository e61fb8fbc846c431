using Microsoft.EntityFrameworkCore;
using Tamkeen.Core.Handoff;
using Tamkeen.Host.Data;
using Tamkeen.Host.Messaging.Events;

namespace Tamkeen.Host.Handoff;

/// <summary>Another trigger on the open case: an entry with its reason; urgency words mark the case urgent.</summary>
public sealed class CaseRaisedRecorder : EventRecorder<CaseRaised>
{
    protected override async Task RecordAsync(TamkeenDb db, RecordContext context, CaseRaised e, CancellationToken cancellationToken)
    {
        if (await CaseRecords.FindAsync(db, e.Reference, cancellationToken) is not { } staffCase) return;
        if (e.Urgent && !staffCase.Urgent)
            await db.Cases.Where(c => c.Id == staffCase.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Urgent, true), cancellationToken);
        await CaseLog.AddAsync(db, staffCase, CaseEntryKind.Raised, context.Now, null, e.Reason.ToString(), null, context.Input.Id, cancellationToken);
        context.TimerScheduled = true;
    }
}
