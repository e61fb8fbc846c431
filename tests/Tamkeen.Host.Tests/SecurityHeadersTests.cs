using System.Net.Http.Json;
using Microsoft.Extensions.Options;
using OpenQA.Selenium;

namespace Tamkeen.Host.Tests;

/// <summary>Every response says what its page may load and who may frame it, forbids MIME sniffing and sends no referrer.</summary>
public class SecurityHeadersTests
{
    [Fact]
    public async Task Every_kind_of_response_carries_the_security_headers()
    {
        await using var service = await RunningService.StartAsync();
        using var http = new HttpClient { BaseAddress = service.BaseAddress };
        var ct = TestContext.Current.CancellationToken;
        var responses = new (string What, HttpResponseMessage Response)[]
        {
            ("the chat page", await http.GetAsync("", ct)),
            ("a static file", await http.GetAsync("chat.js", ct)),
            ("the chat history", await http.GetAsync("chat/history", ct)),
            ("a refused chat message", await http.PostAsJsonAsync("chat/messages", new { text = "x" }, ct)),
            ("the chat's event stream", await http.GetAsync("chat/events", HttpCompletionOption.ResponseHeadersRead, ct)),
            ("health", await http.GetAsync("health", ct)),
            ("the staff console", await http.GetAsync("staff/", ct)),
            ("the staff API refusing", await http.GetAsync("api/staff/requests", ct)),
            ("a missing page", await http.GetAsync("no-such-page", ct)),
        };

        var wrong = new List<string>();
        foreach (var (what, response) in responses)
        {
            using (response)
            {
                var policy = Header(response, "Content-Security-Policy");
                if (policy is null || !policy.Contains("script-src 'self';") || !policy.Contains("frame-ancestors 'none'") || policy.Contains("unsafe"))
                    wrong.Add($"{what}: Content-Security-Policy {policy}");
                if (Header(response, "X-Content-Type-Options") != "nosniff") wrong.Add($"{what}: X-Content-Type-Options");
                if (Header(response, "Referrer-Policy") != "no-referrer") wrong.Add($"{what}: Referrer-Policy");
            }
        }
        Assert.Empty(wrong);
    }

    [Fact]
    public async Task The_service_may_be_framed_by_the_embedders_set()
    {
        await using var service = await RunningService.StartAsync(settings: "--Http:FrameAncestors='self' https://www.tamkeen.example");
        using var http = new HttpClient { BaseAddress = service.BaseAddress };

        using var page = await http.GetAsync("", TestContext.Current.CancellationToken);

        Assert.EndsWith("; frame-ancestors 'self' https://www.tamkeen.example", Header(page, "Content-Security-Policy"));
    }

    [Theory]
    [InlineData("'self'; script-src *")]
    [InlineData("")]
    public async Task Embedders_that_would_change_the_rest_of_the_policy_stop_the_start(string embedders)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => RunningService.StartAsync(settings: $"--Http:FrameAncestors={embedders}"));
        Assert.Contains("Http:FrameAncestors", error.Message);
    }

    [Fact]
    public async Task The_staff_console_keeps_its_look_under_the_policy()
    {
        await using var service = await RunningService.StartAsync();
        using var browser = Browser.Open(new Uri(service.BaseAddress, "staff/"));

        browser.Wait.Until(d => d.FindElements(By.TagName("h1")).Count > 0);
        // The stylesheet's 1rem, not the browser's default 8px.
        Assert.Equal("16px", browser.Script("return getComputedStyle(document.body).marginTop;"));
        Assert.Empty(browser.ScriptErrors());
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : null;
}
