using Tamkeen.Core.Conversations;
using Tamkeen.Core.Feedback;
using Tamkeen.Host.Data;
using Tamkeen.Host.Messaging.Events;

namespace Tamkeen.Host.Feedback;

public sealed class FeedbackSubmittedRecorder : EventRecorder<FeedbackSubmitted>
{
    protected override Task RecordAsync(TamkeenDb db, RecordContext context, FeedbackSubmitted e, CancellationToken cancellationToken)
    {
        db.Feedback.Add(new FeedbackItem
        {
            Reference = e.Reference, BeneficiaryId = context.Input.BeneficiaryId, Kind = e.Kind, Text = e.Text, CreatedAt = context.Now,
        });
        return Task.CompletedTask;
    }
}
