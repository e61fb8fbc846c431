using Tamkeen.Core.Conversations;

namespace Tamkeen.Host.Messaging.Timers;

/// <summary>What happens when a timer of one of its <see cref="Kinds"/> is due; one handler per kind.</summary>
/// <remarks>
/// The handler deletes the timer in the same database change as its effect, with
/// <see cref="TimerTable.DeleteFiredAsync"/>, and has no effect when that returns false (the timer was rescheduled or
/// cancelled meanwhile). A handler that throws is called again later, so its effect must not happen twice.
/// </remarks>
public interface ITimerHandler
{
    IReadOnlyCollection<TimerKind> Kinds { get; }

    Task FireAsync(DueTimer timer, CancellationToken cancellationToken);
}
