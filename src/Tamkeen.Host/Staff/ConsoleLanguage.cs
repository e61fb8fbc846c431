using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Tamkeen.Core.Conversations;

namespace Tamkeen.Host.Staff;

/// <summary>
/// The staff console's language: Arabic, right to left, unless the member of staff chose English with the switch in the
/// header, remembered in a cookie. ASP.NET Core's request localization reads the cookie on the console's pages only, and
/// sets the request's UI culture, which <see cref="Say"/> reads.
/// </summary>
public static class ConsoleLanguage
{
    public const string CookieName = "tamkeen_staff_language";
    public const string SwitchPath = "/staff/language";

    private static readonly CultureInfo Arabic = CultureInfo.GetCultureInfo("ar-SA");
    private static readonly CultureInfo EnglishCulture = CultureInfo.GetCultureInfo("en");

    /// <summary>True when this request's console pages are in English. Outside the console (the bot, the API) never.</summary>
    public static bool English => CultureInfo.CurrentUICulture.Name == EnglishCulture.Name;

    public static Language Current => English ? Language.English : Language.Arabic;

    /// <summary>The text in the console's language. Each text is written in both languages side by side, where it is shown.</summary>
    public static string Say(string arabic, string english) => English ? english : arabic;

    /// <summary>
    /// A name someone typed, inside a sentence built here: kept apart from the text around it (first-strong isolate), so an
    /// Arabic name in an English sentence, or a Latin one in an Arabic sentence, does not reorder it.
    /// </summary>
    public static string Isolate(string? value) => $"\u2068{value}\u2069";

    public static void UseConsoleLanguage(this WebApplication app)
    {
        var options = new RequestLocalizationOptions
        {
            // Only the UI language changes. Formatting stays culture-invariant, as the console formats today: ar-SA's own
            // formats would turn every plain date into Umm al-Qura and put an Arabic letter mark before a minus sign.
            // Saudi time and the Hijri date are written explicitly by SaudiTime.
            DefaultRequestCulture = new RequestCulture(CultureInfo.InvariantCulture, Arabic),
            SupportedCultures = [CultureInfo.InvariantCulture],
            SupportedUICultures = [Arabic, EnglishCulture],
            FallBackToParentUICultures = false,
            // Not the browser's Accept-Language: the console is Arabic until someone presses the switch.
            RequestCultureProviders = [new CookieRequestCultureProvider { CookieName = CookieName }],
        };
        app.UseWhen(http => http.Request.Path.StartsWithSegments("/staff"), branch => branch.UseRequestLocalization(options));
    }

    /// <summary>
    /// The switch: a plain link, open before signing in. A GET that only sets the language cookie changes nothing anyone
    /// else can see, so it needs no anti-forgery token; it goes back only to a page of the console.
    /// </summary>
    public static void MapConsoleLanguageSwitch(this IEndpointRouteBuilder app) => app.MapGet(SwitchPath, (HttpContext http, string? to, string? back) =>
    {
        var culture = to == "en" ? EnglishCulture : Arabic;
        http.Response.Cookies.Append(CookieName, CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = http.Request.IsHttps,
            Path = "/staff",
            MaxAge = TimeSpan.FromDays(365),
            IsEssential = true,
        });
        return Results.Redirect(ConsoleAddress.LocalOrHome(back));
    }).AllowAnonymous();

    /// <summary>The switch's address from a page: the other language, then back to the same page with its query.</summary>
    public static string SwitchFrom(HttpRequest page) =>
        $"{SwitchPath}?to={(English ? "ar" : "en")}&back={Uri.EscapeDataString(page.Path + page.QueryString)}";
}
