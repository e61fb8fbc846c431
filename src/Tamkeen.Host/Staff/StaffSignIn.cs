using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Identity;
using Tamkeen.Host.Data;
using Tamkeen.Host.Staff.Pages;

namespace Tamkeen.Host.Staff;

/// <summary>
/// Staff sign-in: ASP.NET Core Identity with its tables in our database, a cookie for the console, bearer tokens for the API,
/// and the console's pages (Razor components, static server rendering).
/// </summary>
/// <remarks>
/// Identity's user store saves through its own scoped <see cref="TamkeenDb"/>, not through <see cref="DatabaseWriter"/>: a
/// sign-in (failure count, lock-out), a password change, a new account. These are rare and one row each; SQLite makes such
/// a write wait for the writer's transaction (Microsoft.Data.Sqlite retries a busy file until the command timeout, 30 s),
/// and a group commit waits for it the same way. Audit entries go through the writer.
/// </remarks>
public static class StaffSignIn
{
    public const string CookieName = "tamkeen_staff";
    public const int MaxFailedAttempts = 5;
    public static readonly TimeSpan LockoutTime = TimeSpan.FromMinutes(15);

    public static void AddStaffSignIn(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddIdentityCore<StaffUser>(o =>
            {
                // Length over complexity (NIST SP 800-63B): a long phrase is easier to remember and harder to guess.
                o.Password.RequiredLength = 12;
                o.Password.RequiredUniqueChars = 4;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = MaxFailedAttempts;
                o.Lockout.DefaultLockoutTimeSpan = LockoutTime;
                o.User.RequireUniqueEmail = false;
                o.Stores.SchemaVersion = IdentitySchemaVersions.Version2;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<TamkeenDb>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<StaffClaims>();
        services.AddAuthentication(IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, StaffTokenHandler>(StaffTokenHandler.SchemeName, null)
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = CookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.Path = "/staff";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.LoginPath = "/staff/signin";
            o.LogoutPath = "/staff/signout";
            o.ReturnUrlParameter = "returnUrl";
            o.Events.OnRedirectToLogin = context => Refuse(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context =>
                context.HttpContext.User.HasClaim(c => c.Type == StaffRoles.MustChangePasswordClaim) && !IsApi(context.Request)
                    ? Redirect(context, "/staff/password")
                    : Refuse(context, StatusCodes.Status403Forbidden);
        });
        services.AddAuthorizationBuilder().AddStaffPolicies();
        services.AddSingleton<AuditLog>();
        services.AddRazorComponents();
        // Arabic as it is, not as &#x...; for every letter: a page a sixth the size on a slow connection.
        // (Only the HTML encoder: URLs and scripts keep their default escaping.)
        services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
    }

    public static void MapStaffSignIn(this WebApplication app)
    {
        app.MapRazorComponents<App>();
        // A form post like the pages' own, so it needs the anti-forgery token too (a forged post would sign people out).
        app.MapPost("/staff/signout", async (HttpContext http, IAntiforgery antiforgery, SignInManager<StaffUser> signIn, AuditLog audit, CancellationToken ct) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http)) return Results.Problem("The form has expired: open the page again.", statusCode: StatusCodes.Status400BadRequest);
            if (http.User.Identity is { IsAuthenticated: true, Name: { } name })
            {
                await signIn.SignOutAsync();
                await audit.RecordAsync(name, AuditActions.SignedOut, name, ct: ct);
            }
            return Results.Redirect("/staff/signin");
        }).DisableAntiforgery();
    }

    private static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/staff/api") || request.Path.StartsWithSegments("/api");

    private static Task Refuse(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (status == StatusCodes.Status401Unauthorized && !IsApi(context.Request)) return Redirect(context, context.RedirectUri);
        // A page the role does not open: a page that says so (answered 403), not a blank one.
        if (status == StatusCodes.Status403Forbidden && !IsApi(context.Request)) return Redirect(context, "/staff/denied");
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }

    private static Task Redirect(RedirectContext<CookieAuthenticationOptions> context, string uri)
    {
        context.Response.Redirect(uri);
        return Task.CompletedTask;
    }
}
