using System.Net;

namespace Tamkeen.Host.Tests;

/// <summary>Behind a reverse proxy named in Http:ForwardedHeaders, the service sees the visitor's scheme and address; others are not believed.</summary>
public class ForwardedHeadersTests
{
    private static async Task<HttpResponseMessage> GetAsync(RunningService service, string path, params (string Name, string Value)[] headers)
    {
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = service.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        foreach (var (name, value) in headers) request.Headers.Add(name, value);
        return await http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    [Theory]
    [InlineData("", false)]
    [InlineData("--Http:ForwardedHeaders:KnownProxies:0=127.0.0.1", true)]
    [InlineData("--Http:ForwardedHeaders:KnownNetworks:0=127.0.0.0/8", true)]
    [InlineData("--Http:ForwardedHeaders:KnownProxies:0=10.0.0.7", false)]
    public async Task The_chat_cookie_is_secure_when_a_trusted_proxy_says_the_visitor_came_over_https(string proxySetting, bool secure)
    {
        await using var service = await RunningService.StartAsync(settings: proxySetting.Length == 0 ? [] : [proxySetting]);

        using var response = await GetAsync(service, "chat/history", ("X-Forwarded-Proto", "https"));

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.Equal(secure, cookie.Contains("; secure", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("; samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; httponly", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("--Http:ForwardedHeaders:KnownProxies:0=127.0.0.1", true)]
    [InlineData("--Http:ForwardedHeaders:KnownProxies:0=10.0.0.7", false)]
    public async Task The_staff_sign_in_cookie_is_secure_when_a_trusted_proxy_says_the_visitor_came_over_https(string proxySetting, bool secure)
    {
        await using var service = await RunningService.StartAsync(settings: proxySetting);
        await StaffConsole.CreateAccountAsync(service, "sara", Staff.StaffRoles.Staff);
        var https = ("X-Forwarded-Proto", "https");

        // By hand, since a cookie container keeps a Secure cookie from going back over http.
        using var form = await GetAsync(service, "staff/signin", https);
        var antiforgeryCookie = Assert.Single(form.Headers.GetValues("Set-Cookie")).Split(';')[0];
        var html = await form.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = service.BaseAddress };
        using var post = new HttpRequestMessage(HttpMethod.Post, "staff/signin")
        {
            Content = new FormUrlEncodedContent([new("_handler", "signin"), new("__RequestVerificationToken", WebUtility.HtmlDecode(token)),
                new("Input.UserName", "sara"), new("Input.Password", StaffConsole.Password)]),
        };
        post.Headers.Add("Cookie", antiforgeryCookie);
        post.Headers.Add(https.Item1, https.Item2);
        using var signedIn = await http.SendAsync(post, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var cookie = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith(Staff.StaffSignIn.CookieName + "=", StringComparison.Ordinal));
        Assert.Equal(secure, cookie.Contains("; secure", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("; samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; httponly", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("--Http:ForwardedHeaders:KnownProxies:0=proxy.local", "Http:ForwardedHeaders:KnownProxies")]
    [InlineData("--Http:ForwardedHeaders:KnownNetworks:0=10.0.0.0/99", "Http:ForwardedHeaders:KnownNetworks")]
    public async Task A_proxy_that_is_not_an_address_stops_the_start_naming_the_setting(string setting, string named)
    {
        var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => RunningService.StartAsync(settings: setting));
        Assert.Contains(named, error.Message);
    }
}
