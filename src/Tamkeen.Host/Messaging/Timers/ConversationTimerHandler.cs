using Microsoft.EntityFrameworkCore;
using Tamkeen.Core.Conversations;
using Tamkeen.Host.Data;

namespace Tamkeen.Host.Messaging.Timers;

/// <summary>
/// A person's timer (idle, information reminder, quiet time) becomes an input in their lane, stored in the same change
/// that deletes the timer, so that it runs in order with what they write and once.
/// </summary>
public sealed class ConversationTimerHandler(IDbContextFactory<TamkeenDb> dbFactory, DatabaseWriter writer, ConversationLanes lanes) : ITimerHandler
{
    public IReadOnlyCollection<TimerKind> Kinds { get; } = [TimerKind.Idle, TimerKind.InformationReminder, TimerKind.InformationQuiet, TimerKind.PollReminder, TimerKind.PollExpiry];

    public async Task FireAsync(DueTimer timer, CancellationToken cancellationToken)
    {
        InboxMessage? last;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            last = timer.BeneficiaryId is { } person ? await InboxMessage.LastFromPersonAsync(db.Inbox, person, cancellationToken) : null;
        }
        await TimerInputs.StoreAsync(writer, lanes, timer, last is null ? null : () => InboxMessage.ForTimer(last, timer.Id, timer.Kind, timer.DueAt),
            cancellationToken);
    }
}
