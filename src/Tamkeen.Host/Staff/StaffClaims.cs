using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Tamkeen.Host.Staff;

/// <summary>Identity's claims (name, roles, security stamp) and, while the one-time password is unchanged, the claim that says so.</summary>
public sealed class StaffClaims(UserManager<StaffUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<StaffUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaffUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.MustChangePassword) identity.AddClaim(new Claim(StaffRoles.MustChangePasswordClaim, "true"));
        return identity;
    }
}
