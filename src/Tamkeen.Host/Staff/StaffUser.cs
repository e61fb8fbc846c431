using Microsoft.AspNetCore.Identity;

namespace Tamkeen.Host.Staff;

/// <summary>A member of staff who signs in to the console (ASP.NET Core Identity's user, in our database).</summary>
public sealed class StaffUser : IdentityUser
{
    /// <summary>Set while the account has a one-time password: nothing but changing it is open until it is changed.</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>How replies to people are signed («سارة»); the user name when not set.</summary>
    public string? DisplayName { get; set; }
}
