using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Tamkeen.Host.Settings;

namespace Tamkeen.Host.Staff;

/// <summary>
/// The staff API's sign-in: "Authorization: Bearer &lt;token&gt;" naming a member of staff from Staff:ApiTokens, with the
/// role Staff:ApiTokenRoles gives that name (manager when none). The scheme is read in any letter case (RFC 7235), the
/// token exactly, in constant time.
/// </summary>
public sealed class StaffTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IOptions<StaffOptions> staff)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return Task.FromResult(AuthenticateResult.NoResult());
        var presented = Encoding.UTF8.GetBytes(header["Bearer ".Length..].Trim());
        var name = staff.Value.ApiTokens
            .FirstOrDefault(t => presented.Length > 0 && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(t.Value), presented)).Key;
        if (name is null) return Task.FromResult(AuthenticateResult.Fail("No staff token matches."));
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, staff.Value.RoleOf(name))], SchemeName, ClaimTypes.Name, ClaimTypes.Role);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return Results.Problem("Sign in with a staff token: Authorization: Bearer <token>.", statusCode: StatusCodes.Status401Unauthorized).ExecuteAsync(Context);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Results.Problem("This staff token's role may not do this.", statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(Context);
}
