using Tamkeen.Core.Handoff;
using Tamkeen.Host.Data;
using Tamkeen.Host.Messaging.Events;

namespace Tamkeen.Host.Handoff;

/// <summary>What the person sent while waiting or talking with staff, kept on the case.</summary>
public sealed class CaseMessageReceivedRecorder : EventRecorder<CaseMessageReceived>
{
    protected override async Task RecordAsync(TamkeenDb db, RecordContext context, CaseMessageReceived e, CancellationToken cancellationToken)
    {
        if (await CaseRecords.FindAsync(db, e.Reference, cancellationToken) is not { } staffCase) return;
        await CaseLog.AddAsync(db, staffCase, CaseEntryKind.PersonWrote, context.Now, null, e.Text, e.Attachments, context.Input.Id, cancellationToken);
        context.TimerScheduled = true;
    }
}
