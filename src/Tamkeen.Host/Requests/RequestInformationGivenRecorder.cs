using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tamkeen.Core.Conversations;
using Tamkeen.Host.Data;
using Tamkeen.Host.Messaging.Events;

namespace Tamkeen.Host.Requests;

/// <summary>Adds what the person sent to the request's history and marks the request, so staff see that information arrived.</summary>
public sealed class RequestInformationGivenRecorder : EventRecorder<RequestInformationGiven>
{
    protected override async Task RecordAsync(TamkeenDb db, RecordContext context, RequestInformationGiven e, CancellationToken cancellationToken)
    {
        var id = await db.ServiceRequests.Where(r => r.Reference == e.Reference).Select(r => r.Id).SingleAsync(cancellationToken);
        db.Add(new RequestHistoryEntry
        {
            ServiceRequestId = id, Note = e.Text.Length == 0 ? null : e.Text, By = "beneficiary", At = context.Now,
            AttachmentsJson = e.Attachments.Count == 0 ? null : JsonSerializer.Serialize(e.Attachments, EventLog.ReadableJson),
        });
        await db.ServiceRequests.Where(r => r.Id == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.InformationReceivedAt, context.Now), cancellationToken);
    }
}
