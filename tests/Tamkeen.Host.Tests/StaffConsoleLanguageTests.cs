using System.Net;
using Tamkeen.Host.Staff;

namespace Tamkeen.Host.Tests;

/// <summary>The console's language switch over real HTTP: the cookie it sets, and that it goes back only to the console.</summary>
public class StaffConsoleLanguageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("https://evil.example/staff/")]
    [InlineData("//evil.example/staff/")]
    [InlineData("/\\evil.example")]
    [InlineData("/health")]
    public async Task The_switch_goes_back_only_to_a_console_page(string back)
    {
        await using var service = await RunningService.StartAsync();
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = service.BaseAddress };

        using var response = await client.GetAsync($"staff/language?to=en&back={Uri.EscapeDataString(back)}", Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/staff/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_switch_remembers_English_in_a_strict_http_only_cookie_for_the_console_and_returns_to_the_page()
    {
        await using var service = await RunningService.StartAsync();
        var cookies = new CookieContainer();
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = service.BaseAddress };

        using var response = await client.GetAsync($"staff/language?to=en&back={Uri.EscapeDataString("/staff/signin?returnUrl=/staff/audit")}", Ct);

        Assert.Equal("/staff/signin?returnUrl=/staff/audit", response.Headers.Location!.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith($"{ConsoleLanguage.CookieName}=", cookie);
        Assert.Contains("path=/staff", cookie);
        Assert.Contains("samesite=strict", cookie);
        Assert.Contains("httponly", cookie);
        Assert.Contains("max-age=31536000", cookie);
        var signIn = await client.GetStringAsync("staff/signin", Ct);
        Assert.Contains("<html lang=\"en\" dir=\"ltr\">", signIn);
        Assert.Contains("<h1>Staff sign-in</h1>", signIn);
        // The browser's own languages do not switch it: without the cookie the console is Arabic.
        using var fresh = new HttpClient { BaseAddress = service.BaseAddress };
        fresh.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US,en;q=0.9");
        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", await fresh.GetStringAsync("staff/signin", Ct));
    }

    [Fact]
    public async Task In_English_a_wrong_password_and_the_page_a_role_does_not_open_say_so_in_English()
    {
        await using var service = await RunningService.StartAsync();
        using var staff = await StaffConsole.SignedInAsync(service, name: "sara");
        (await staff.GetAsync("staff/language?to=en&back=/staff/", Ct)).Dispose();

        using var denied = await staff.GetAsync("staff/audit", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        var page = await denied.Content.ReadAsStringAsync(Ct);
        Assert.Contains("<html lang=\"en\" dir=\"ltr\">", page);
        Assert.Contains("You are not allowed to open this page", page);

        var other = StaffConsole.NewBrowser(service);
        (await other.GetAsync("staff/language?to=en&back=/staff/signin", Ct)).Dispose();
        using var wrong = await StaffConsole.SignInAsync(other, "sara", "not the password at all");
        Assert.Contains("The user name or password is wrong.", await wrong.Content.ReadAsStringAsync(Ct));
        using var empty = await StaffConsole.SignInAsync(other, "", "");
        Assert.Contains("Enter the user name.", await empty.Content.ReadAsStringAsync(Ct));
    }
}
