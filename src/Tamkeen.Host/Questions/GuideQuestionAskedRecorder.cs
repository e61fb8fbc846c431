using Tamkeen.Core.Conversations;
using Tamkeen.Host.Data;
using Tamkeen.Host.Messaging.Events;

namespace Tamkeen.Host.Questions;

/// <summary>The stored event is the record: the guide report counts the questions asked from the event table.</summary>
public sealed class GuideQuestionAskedRecorder : EventRecorder<GuideQuestionAsked>
{
    protected override Task RecordAsync(TamkeenDb db, RecordContext context, GuideQuestionAsked e, CancellationToken cancellationToken) => Task.CompletedTask;
}
