using Microsoft.EntityFrameworkCore;
using Tamkeen.Core.Handoff;
using Tamkeen.Host.Data;

namespace Tamkeen.Host.Handoff;

/// <summary>
/// Two records of one person joined (they shared a number known from another channel): the conversation kept is the
/// one they write in now, and one open case at most may stay.
/// </summary>
public static class CaseMerge
{
    /// <param name="droppedHandoff">The open case of the conversation that was replaced, if it had one.</param>
    /// <param name="into">The person kept; the kept conversation has been moved to it.</param>
    public static async Task KeepOneOpenCaseAsync(TamkeenDb db, HandoffCase? droppedHandoff, long into, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        if (droppedHandoff is null) return;
        var kept = await db.Conversations.SingleAsync(c => c.BeneficiaryId == into, cancellationToken);
        if (kept.Handoff is null)
        {
            // The case stays with the person: the kept conversation carries it on, so staff replies still reach them.
            kept.Handoff = droppedHandoff;
            kept.Version++;
            return;
        }
        var dropped = await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Reference == droppedHandoff.Reference, cancellationToken);
        if (dropped is not { IsActive: true }) return;
        await db.Cases.Where(c => c.Id == dropped.Id).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.Status, CaseStatus.Closed).SetProperty(c => c.ClosedAt, now), cancellationToken);
        await CaseLog.AddAsync(db, dropped, CaseEntryKind.Closed, now, null, $"merged into {kept.Handoff.Reference}", null, null, cancellationToken);
    }
}
