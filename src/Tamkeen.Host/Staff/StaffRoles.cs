using Microsoft.AspNetCore.Authorization;

namespace Tamkeen.Host.Staff;

/// <summary>The three roles and the policies built on them: Staff (any role), Manager (manager or admin), Admin.</summary>
public static class StaffRoles
{
    public const string Staff = "staff";
    public const string Manager = "manager";
    public const string Admin = "admin";

    public static readonly string[] All = [Staff, Manager, Admin];

    /// <summary>The claim a signed-in account carries while it must still replace its one-time password.</summary>
    public const string MustChangePasswordClaim = "tamkeen:must-change-password";

    public static bool IsRole(string? role) => role is Staff or Manager or Admin;

    public static void AddStaffPolicies(this AuthorizationBuilder authorization) => authorization
        .AddPolicy(StaffPolicies.Staff, p => p.RequireRole(All).RequireAssertion(NoPasswordToChange))
        .AddPolicy(StaffPolicies.Manager, p => p.RequireRole(Manager, Admin).RequireAssertion(NoPasswordToChange))
        .AddPolicy(StaffPolicies.Admin, p => p.RequireRole(Admin).RequireAssertion(NoPasswordToChange));

    private static bool NoPasswordToChange(AuthorizationHandlerContext context) => !context.User.HasClaim(c => c.Type == MustChangePasswordClaim);
}

public static class StaffPolicies
{
    public const string Staff = "Staff";
    public const string Manager = "Manager";
    public const string Admin = "Admin";
}
