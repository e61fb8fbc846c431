using System.Text.Json;
using Tamkeen.Core.Conversations;
using Tamkeen.Core.Requests;
using Tamkeen.Host.Data;
using Tamkeen.Host.Messaging.Events;

namespace Tamkeen.Host.Requests;

public sealed class RequestSubmittedRecorder : EventRecorder<RequestSubmitted>
{
    protected override async Task RecordAsync(TamkeenDb db, RecordContext context, RequestSubmitted e, CancellationToken cancellationToken)
    {
        var request = new ServiceRequest
        {
            Reference = e.Reference, BeneficiaryId = context.Input.BeneficiaryId, ServiceId = e.ServiceId, Status = RequestStatus.Submitted,
            NationalId = e.Answers.GetValueOrDefault(RequestField.NationalId), City = e.Answers.GetValueOrDefault(RequestField.City),
            AnswersJson = JsonSerializer.Serialize(e.Answers.ToDictionary(a => RequestFields.Code(a.Key), a => a.Value), EventLog.ReadableJson),
            SubmittedAt = e.SubmittedAt, DueAt = e.DueAt,
            AttachmentsJson = e.Attachments.Count == 0 ? null : JsonSerializer.Serialize(e.Attachments, EventLog.ReadableJson),
        };
        // As prepared statements, like the step's other rows: through SaveChanges this one step cost as much as several others.
        db.Rows.Insert(request);
        db.Rows.Insert(new RequestHistoryEntry { ServiceRequestId = request.Id, Status = RequestStatus.Submitted, By = "beneficiary", At = context.Now });
        await RequestOverdue.ScheduleAsync(db, request, cancellationToken);
    }
}
