using Tamkeen.Core.Conversations;
using Tamkeen.Host.Data;
using Tamkeen.Host.Messaging.Timers;

namespace Tamkeen.Host.Requests;

/// <summary>Marks a request overdue the moment its one-week promise passes without a decision.</summary>
public sealed class RequestOverdueHandler(DatabaseWriter writer, ILogger<RequestOverdueHandler> logger) : ITimerHandler
{
    public IReadOnlyCollection<TimerKind> Kinds { get; } = [TimerKind.RequestOverdue];

    public async Task FireAsync(DueTimer timer, CancellationToken cancellationToken)
    {
        var marked = false;
        await writer.WriteAsync(async (db, ct) =>
        {
            // A decision or a new due date in the meantime has already cancelled or moved this timer.
            marked = await TimerTable.DeleteFiredAsync(db, timer, ct) && await RequestOverdue.MarkAsync(db, timer, ct);
        }, cancellationToken);
        if (marked) logger.LogInformation("Request {Subject} is overdue: no decision by {DueAt}", timer.Subject, timer.DueAt);
    }
}
