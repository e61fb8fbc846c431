using Microsoft.EntityFrameworkCore;
using Tamkeen.Host.Data;

namespace Tamkeen.Host.Handoff;

public static class CaseRecords
{
    /// <summary>The case by reference, also one added earlier in the same change (opened and raised by one message).</summary>
    public static async Task<StaffCase?> FindAsync(TamkeenDb db, string reference, CancellationToken cancellationToken) =>
        db.Cases.Local.FirstOrDefault(c => c.Reference == reference)
        ?? await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Reference == reference, cancellationToken);
}
