using Microsoft.AspNetCore.Identity;

namespace Tamkeen.Host.Staff;

/// <summary>A member of staff who signs in to the console (ASP.NET Core Identity's user, in our database).</summary>
public sealed class StaffUser : IdentityUser
{
    /// <summary>Set while the account has a one-time password: nothing but changing it is open until it is changed.</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>How replies to people are signed («سارة»); the user name when not set.</summary>
    public string? DisplayName { get; set; }

    /// <summary>The Telegram account linked with /link: its presses and replies in the staff group act as this account.</summary>
    public long? TelegramUserId { get; set; }

    /// <summary>SHA-256 of the one-time /link code shown on /staff/telegram, until it is used or expires.</summary>
    public string? TelegramLinkCodeHash { get; set; }

    public DateTimeOffset? TelegramLinkCodeExpiresAt { get; set; }
}
