using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Tamkeen.Host.Data;
using Microsoft.Extensions.Options;
using Tamkeen.Host.Settings;

namespace Tamkeen.Host.Staff;

/// <summary>
/// The staff API's sign-in: "Authorization: Bearer &lt;token&gt;" naming a member of staff from Staff:ApiTokens, with the
/// role Staff:ApiTokenRoles gives that name (manager when none), or a personal token made in the console
/// (<see cref="PersonalToken"/>), with its account's roles. The scheme is read in any letter case (RFC 7235), the
/// token exactly, in constant time.
/// </summary>
public sealed class StaffTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    IOptions<StaffOptions> staff, IDbContextFactory<TamkeenDb> dbFactory, UserManager<StaffUser> users)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var token = header["Bearer ".Length..].Trim();
        if (token.Length == 0) return AuthenticateResult.Fail("No staff token given.");
        var presented = Encoding.UTF8.GetBytes(token);
        var name = staff.Value.ApiTokens
            .FirstOrDefault(t => CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(t.Value), presented)).Key;
        if (name is not null) return Success(name, [staff.Value.RoleOf(name)]);
        return await PersonalAsync(token) is { } principal ? AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName))
            : AuthenticateResult.Fail("No staff token matches.");
    }

    /// <summary>A personal token not revoked, of an account that is not stopped, with that account's roles now.</summary>
    private async Task<ClaimsPrincipal?> PersonalAsync(string token)
    {
        var hash = PersonalToken.HashOf(token);
        await using var db = await dbFactory.CreateDbContextAsync(Context.RequestAborted);
        var owner = await db.PersonalTokens.Where(t => t.Hash == hash && t.RevokedAt == null).Select(t => t.UserName).FirstOrDefaultAsync(Context.RequestAborted);
        if (owner is null) return null;
        var user = await users.FindByNameAsync(owner);
        if (user is null || await users.IsLockedOutAsync(user)) return null;
        return Principal(owner, await users.GetRolesAsync(user));
    }

    private static AuthenticateResult Success(string name, IEnumerable<string> roles) =>
        AuthenticateResult.Success(new AuthenticationTicket(Principal(name, roles), SchemeName));

    private static ClaimsPrincipal Principal(string name, IEnumerable<string> roles) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, name), .. roles.Select(r => new Claim(ClaimTypes.Role, r))], SchemeName, ClaimTypes.Name, ClaimTypes.Role));

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return Results.Problem("Sign in with a staff token: Authorization: Bearer <token>.", statusCode: StatusCodes.Status401Unauthorized).ExecuteAsync(Context);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Results.Problem("This staff token's role may not do this.", statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(Context);
}
