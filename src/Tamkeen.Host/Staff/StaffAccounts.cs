using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace Tamkeen.Host.Staff;

/// <summary>Creates accounts with a one-time password, to be changed at the first sign-in.</summary>
public static class StaffAccounts
{
    // No 0/O, 1/l/I: the password is read off a screen and typed.
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    public static string NewOneTimePassword() => RandomNumberGenerator.GetString(Alphabet, 16);

    /// <returns>The one-time password, or the errors why the account was not created.</returns>
    public static async Task<(string? Password, IEnumerable<IdentityError> Errors)> CreateAsync(
        UserManager<StaffUser> users, AuditLog audit, string name, string role, string createdBy, CancellationToken ct)
    {
        var password = NewOneTimePassword();
        var user = new StaffUser { UserName = name, MustChangePassword = true };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded) return (null, created.Errors);
        var added = await users.AddToRoleAsync(user, role);
        if (!added.Succeeded)
        {
            await users.DeleteAsync(user);
            return (null, added.Errors);
        }
        await audit.RecordAsync(createdBy, AuditActions.AccountCreated, name, $"role {role}", ct);
        return (password, []);
    }
}
