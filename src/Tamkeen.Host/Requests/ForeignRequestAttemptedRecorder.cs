using Microsoft.EntityFrameworkCore;
using Tamkeen.Core.Conversations;
using Tamkeen.Host.Data;
using Tamkeen.Host.Messaging.Events;

namespace Tamkeen.Host.Requests;

/// <summary>Notes on the request that another account reached it (the person there was told nothing about it).</summary>
public sealed class ForeignRequestAttemptedRecorder : EventRecorder<ForeignRequestAttempted>
{
    protected override async Task RecordAsync(TamkeenDb db, RecordContext context, ForeignRequestAttempted e, CancellationToken cancellationToken)
    {
        var id = await db.ServiceRequests.Where(r => r.Reference == e.Reference).Select(r => r.Id).SingleAsync(cancellationToken);
        var what = e.How == ForeignAccess.SameServiceAndId ? "tried to submit the same service with this ID number" : "asked about this reference";
        db.Add(new RequestHistoryEntry
        {
            ServiceRequestId = id, By = "system", At = context.Now,
            Note = $"Another account (beneficiary {context.Input.BeneficiaryId}, {context.Input.Channel}) {what}; it was told nothing about this request.",
        });
    }
}
