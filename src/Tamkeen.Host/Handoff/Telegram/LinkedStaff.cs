using Microsoft.EntityFrameworkCore;
using Tamkeen.Host.Data;

namespace Tamkeen.Host.Handoff.Telegram;

/// <summary>The staff account a Telegram user is linked to, and whether it is stopped.</summary>
/// <param name="Stopped">Disabled on /staff/accounts, or locked out after wrong passwords: it may not act from the group either.</param>
public sealed record LinkedStaff(StaffMember Member, bool Stopped)
{
    /// <returns>Null when the Telegram user is not linked.</returns>
    public static async Task<LinkedStaff?> FindAsync(TamkeenDb db, long telegramUserId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.TelegramUserId == telegramUserId)
            .Select(u => new { u.UserName, u.DisplayName, u.LockoutEnabled, u.LockoutEnd }).FirstOrDefaultAsync(cancellationToken);
        if (user is null) return null;
        // As Identity's IsLockedOutAsync decides it.
        var stopped = user.LockoutEnabled && user.LockoutEnd is { } end && end > now;
        return new(new StaffMember(user.UserName!, user.DisplayName ?? user.UserName!), stopped);
    }
}
