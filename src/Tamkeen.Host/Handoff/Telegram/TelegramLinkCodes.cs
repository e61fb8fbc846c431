using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Tamkeen.Host.Data;
using Tamkeen.Host.Staff;

namespace Tamkeen.Host.Handoff.Telegram;

/// <summary>
/// One-time codes that link a staff account to the Telegram account that sends "/link code" to the bot. Only a hash is
/// stored, and a code lasts <see cref="Lifetime"/>.
/// </summary>
public sealed class TelegramLinkCodes(DatabaseWriter writer, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    /// <summary>A new code for <paramref name="userName"/>; any earlier one stops working.</summary>
    public async Task<string> IssueAsync(string userName, CancellationToken cancellationToken)
    {
        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
        var expires = time.GetUtcNow() + Lifetime;
        await writer.WriteAsync((db, ct) => db.Users.Where(u => u.UserName == userName).ExecuteUpdateAsync(s => s
            .SetProperty(u => u.TelegramLinkCodeHash, Hash(code)).SetProperty(u => u.TelegramLinkCodeExpiresAt, expires), ct), cancellationToken);
        return code;
    }

    /// <returns>The account now linked to <paramref name="telegramUserId"/>, or null for a wrong or expired code.</returns>
    public async Task<StaffUser?> RedeemAsync(string code, long telegramUserId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var hash = Hash(code.Trim());
        StaffUser? linked = null;
        await writer.WriteAsync(async (db, ct) =>
        {
            var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.TelegramLinkCodeHash == hash, ct);
            if (user is null || user.TelegramLinkCodeExpiresAt is not { } expires || expires < now) return;
            // One Telegram account acts as one staff account: linking it again moves it.
            await db.Users.Where(u => u.TelegramUserId == telegramUserId && u.Id != user.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.TelegramUserId, (long?)null), ct);
            await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.TelegramUserId, telegramUserId)
                .SetProperty(u => u.TelegramLinkCodeHash, (string?)null).SetProperty(u => u.TelegramLinkCodeExpiresAt, (DateTimeOffset?)null), ct);
            db.AuditEntries.Add(AuditEntry.Create(now, user.UserName!, AuditActions.TelegramLinked, user.UserName));
            user.TelegramUserId = telegramUserId;
            linked = user;
        }, cancellationToken);
        return linked;
    }

    private static string Hash(string code) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(code)));
}
