using Microsoft.EntityFrameworkCore;
using Tamkeen.Core.Conversations;
using Tamkeen.Host.Data;
using Tamkeen.Host.Messaging.Timers;

namespace Tamkeen.Host.Handoff;

/// <summary>
/// Announces a case's timeline entry to every <see cref="ICaseAlerter"/> once it is committed. A failure leaves the timer
/// to be fired again with the scheduler's backoff; alerters skip what they already posted.
/// </summary>
public sealed class CaseNoticeHandler(IDbContextFactory<TamkeenDb> dbFactory, DatabaseWriter writer, IEnumerable<ICaseAlerter> alerters) : ITimerHandler
{
    public IReadOnlyCollection<TimerKind> Kinds { get; } = [TimerKind.CaseNotice];

    public async Task FireAsync(DueTimer timer, CancellationToken cancellationToken)
    {
        var key = Guid.ParseExact(timer.Subject["case-notice/".Length..], "N");
        CaseEntry? entry;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            entry = await db.CaseEntries.AsNoTracking().Include(e => e.Case).SingleOrDefaultAsync(e => e.NoticeKey == key, cancellationToken);
        }
        if (entry?.Case is { } staffCase)
        {
            foreach (var alerter in alerters) await alerter.AnnounceAsync(staffCase, entry, cancellationToken);
        }
        await writer.WriteAsync((db, ct) => TimerTable.DeleteFiredAsync(db, timer, ct), cancellationToken);
    }
}
