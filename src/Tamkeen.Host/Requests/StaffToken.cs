using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Tamkeen.Host.Settings;

namespace Tamkeen.Host.Requests;

/// <summary>The staff API's sign-in: "Authorization: Bearer &lt;token&gt;" naming a member of staff from Staff:ApiTokens.</summary>
public static class StaffToken
{
    public const string StaffNameItem = "staff-name";

    public static RouteGroupBuilder RequireStaffToken(this RouteGroupBuilder group) => group.AddEndpointFilter(async (context, next) =>
    {
        var tokens = context.HttpContext.RequestServices.GetRequiredService<IOptions<StaffOptions>>().Value.ApiTokens;
        var header = context.HttpContext.Request.Headers.Authorization.ToString();
        // The scheme is case-insensitive (RFC 7235), the token is not.
        var presented = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? Encoding.UTF8.GetBytes(header["Bearer ".Length..].Trim()) : [];
        var name = tokens.FirstOrDefault(t => presented.Length > 0 && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(t.Value), presented)).Key;
        if (name is null)
        {
            context.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
            return Results.Problem("Sign in with a staff token: Authorization: Bearer <token>.", statusCode: StatusCodes.Status401Unauthorized);
        }
        context.HttpContext.Items[StaffNameItem] = name;
        return await next(context);
    });

    public static string StaffName(this HttpContext context) => (string)context.Items[StaffNameItem]!;
}
