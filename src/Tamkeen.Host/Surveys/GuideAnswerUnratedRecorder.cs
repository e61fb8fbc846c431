using Tamkeen.Core.Conversations;
using Tamkeen.Core.Surveys;
using Tamkeen.Host.Data;
using Tamkeen.Host.Messaging.Events;

namespace Tamkeen.Host.Surveys;

/// <summary>A guide answer left without a rating: the light, one-tap poll about it, after the delay.</summary>
public sealed class GuideAnswerUnratedRecorder(PollTrigger polls) : EventRecorder<GuideAnswerUnrated>
{
    protected override async Task RecordAsync(TamkeenDb db, RecordContext context, GuideAnswerUnrated e, CancellationToken cancellationToken)
    {
        await polls.ScheduleAsync(db, context.Input.BeneficiaryId, new PollTopic(PollSubject.GuideAnswer, e.EntryId, null), context.Now, cancellationToken);
        context.TimerScheduled = true;
    }
}
