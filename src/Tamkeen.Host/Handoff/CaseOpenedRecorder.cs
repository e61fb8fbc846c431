using Microsoft.Extensions.Options;
using Tamkeen.Core.Conversations;
using Tamkeen.Core.Handoff;
using Tamkeen.Host.Data;
using Tamkeen.Host.Messaging.Events;

namespace Tamkeen.Host.Handoff;

/// <summary>Stores a new case with its first entry, and the timers that raise it if nobody claims or answers it in time.</summary>
public sealed class CaseOpenedRecorder(CaseTimers timers) : EventRecorder<CaseOpened>
{
    protected override async Task RecordAsync(TamkeenDb db, RecordContext context, CaseOpened e, CancellationToken cancellationToken)
    {
        var staffCase = new StaffCase
        {
            Reference = e.Reference, BeneficiaryId = context.Input.BeneficiaryId, Reason = e.Reason, Urgent = e.Urgent,
            Channel = context.Input.Channel, Status = CaseStatus.Open, OpenedAt = context.Now,
        };
        db.Cases.Add(staffCase);
        await CaseLog.AddAsync(db, staffCase, CaseEntryKind.Opened, context.Now, null, e.Text, null, context.Input.Id, cancellationToken);
        await timers.StartAsync(db, staffCase, cancellationToken);
        context.TimerScheduled = true;
    }
}
