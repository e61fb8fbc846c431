using Microsoft.EntityFrameworkCore;
using Tamkeen.Core.Surveys;
using Tamkeen.Host.Data;
using Tamkeen.Host.Messaging.Events;

namespace Tamkeen.Host.Surveys;

public sealed class PollSentRecorder : EventRecorder<PollSent>
{
    protected override Task RecordAsync(TamkeenDb db, RecordContext context, PollSent e, CancellationToken cancellationToken)
    {
        db.Polls.Add(new Poll
        {
            PollId = e.PollId, BeneficiaryId = context.Input.BeneficiaryId, Subject = e.Subject, Reference = e.Reference, HandledBy = e.HandledBy,
            Outcome = e.Outcome, Channel = context.Input.Channel, CreatedAt = context.Now,
        });
        return Task.CompletedTask;
    }
}

public sealed class PollNotSentRecorder : EventRecorder<PollNotSent>
{
    protected override Task RecordAsync(TamkeenDb db, RecordContext context, PollNotSent e, CancellationToken cancellationToken)
    {
        db.Polls.Add(new Poll
        {
            BeneficiaryId = context.Input.BeneficiaryId, Subject = e.Subject, Reference = e.Reference, Channel = context.Input.Channel,
            CreatedAt = context.Now, NotSentReason = e.Reason,
        });
        return Task.CompletedTask;
    }
}

public sealed class PollAnsweredRecorder : EventRecorder<PollAnswered>
{
    protected override Task RecordAsync(TamkeenDb db, RecordContext context, PollAnswered e, CancellationToken cancellationToken) =>
        db.Polls.Where(p => p.PollId == e.PollId).ExecuteUpdateAsync(s => s
            .SetProperty(p => p.Score, e.Score).SetProperty(p => p.Comment, e.Comment).SetProperty(p => p.Resolved, e.Resolved)
            .SetProperty(p => p.AnsweredAt, context.Now), cancellationToken);
}

public sealed class PollExpiredRecorder : EventRecorder<PollExpired>
{
    protected override Task RecordAsync(TamkeenDb db, RecordContext context, PollExpired e, CancellationToken cancellationToken) =>
        db.Polls.Where(p => p.PollId == e.PollId).ExecuteUpdateAsync(s => s.SetProperty(p => p.ExpiredAt, context.Now), cancellationToken);
}

/// <summary>The stored event is the record (a late answer, an opt-out); the conversation keeps the opt-out itself.</summary>
public sealed class PollAnsweredLateRecorder : EventRecorder<PollAnsweredLate>
{
    protected override Task RecordAsync(TamkeenDb db, RecordContext context, PollAnsweredLate e, CancellationToken cancellationToken) => Task.CompletedTask;
}

public sealed class PollsOptedOutRecorder : EventRecorder<PollsOptedOut>
{
    protected override Task RecordAsync(TamkeenDb db, RecordContext context, PollsOptedOut e, CancellationToken cancellationToken) => Task.CompletedTask;
}
