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

    [Fact]
    public async Task Behind_a_trusted_proxy_the_staff_console_sees_the_visitors_own_address()
    {
        await using var service = await RunningService.StartAsync(settings: "--Http:ForwardedHeaders:KnownProxies:0=127.0.0.1");

        using var fromOutside = await GetAsync(service, "staff/", ("X-Forwarded-For", "203.0.113.9"));
        using var fromThisMachine = await GetAsync(service, "staff/");

        Assert.Equal(HttpStatusCode.Forbidden, fromOutside.StatusCode);
        Assert.Equal(HttpStatusCode.OK, fromThisMachine.StatusCode);
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
