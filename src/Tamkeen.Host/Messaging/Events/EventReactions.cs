using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tamkeen.Core.Conversations;
using Tamkeen.Host.Data;
using Tamkeen.Host.Messaging.Timers;

namespace Tamkeen.Host.Messaging.Events;

/// <summary>
/// Reactions ride on the timer table: the commit that stores an event also stores a timer due at once per reactor of
/// its type, so the one scheduler runs them after the commit, retries a failed one with its backoff, and a crash or a
/// restart leaves them in the table to run at the next start. No second queue, no second loop.
/// </summary>
public sealed class EventReactions(IEnumerable<IEventReactor> reactors, IDbContextFactory<TamkeenDb> dbFactory, DatabaseWriter writer)
    : ITimerHandler
{
    private readonly ILookup<Type, IEventReactor> _byEvent = reactors.ToLookup(r => r.EventType);
    private readonly Dictionary<string, IEventReactor> _byName = reactors.ToDictionary(r => r.Name);

    public IReadOnlyCollection<TimerKind> Kinds { get; } = [TimerKind.Reaction];

    /// <summary>In the change that stores the events of one input: a due-now timer for each of their reactions.</summary>
    /// <returns>Whether any was scheduled (then tell <see cref="TimerSignal.Scheduled"/> after the commit).</returns>
    public async Task<bool> ScheduleAsync(TamkeenDb db, InboxMessage input, IReadOnlyList<ConversationEvent> events, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var scheduled = false;
        for (var ordinal = 0; ordinal < events.Count; ordinal++)
        {
            foreach (var reactor in _byEvent[events[ordinal].GetType()])
            {
                await TimerTable.ScheduleAsync(db, Subject(input.Id, ordinal, reactor), TimerKind.Reaction, now, input.BeneficiaryId, reactor.Name,
                    cancellationToken);
                scheduled = true;
            }
        }
        return scheduled;
    }

    public async Task FireAsync(DueTimer timer, CancellationToken cancellationToken)
    {
        var (inboxId, ordinal) = Parse(timer.Subject);
        StoredEvent stored;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            stored = await db.Events.AsNoTracking().Where(e => e.InboxMessageId == inboxId).OrderBy(e => e.Id).Skip(ordinal).FirstAsync(cancellationToken);
        }
        var reactor = _byName[timer.Payload!];
        var e = (ConversationEvent)JsonSerializer.Deserialize(stored.PayloadJson, reactor.EventType, EventLog.ReadableJson)!;
        await reactor.ReactAsync(stored, e, cancellationToken);
        await writer.WriteAsync((db, ct) => TimerTable.DeleteFiredAsync(db, timer, ct), cancellationToken);
    }

    private static string Subject(long inboxId, int ordinal, IEventReactor reactor) =>
        string.Create(CultureInfo.InvariantCulture, $"event/{inboxId}/{ordinal}/{reactor.Name}");

    private static (long InboxId, int Ordinal) Parse(string subject)
    {
        var parts = subject.Split('/');
        return (long.Parse(parts[1], CultureInfo.InvariantCulture), int.Parse(parts[2], CultureInfo.InvariantCulture));
    }
}
