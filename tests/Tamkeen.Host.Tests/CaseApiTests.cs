using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Tamkeen.Host.Handoff;
using Tamkeen.Host.Staff;

namespace Tamkeen.Host.Tests;

/// <summary>The cases API (/api/staff/cases) with bearer tokens, over a real SQLite file.</summary>
public class CaseApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string NuraToken = "test-token-for-nura-0123456789abcdef";

    private static Task<RunningService> StartAsync() => RunningService.StartAsync(null,
        new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 7, 0, 0, TimeSpan.Zero)), null,
        [.. StaffApi.Settings, $"--Staff:ApiTokens:nura={NuraToken}", "--Staff:ApiTokenRoles:nura=staff"]);

    private static async Task<string> OpenCaseAsync(RunningService service, HttpClient visitor)
    {
        await visitor.SendAsync("مرحبا");
        await visitor.SendAsync("موظف");
        await service.WaitUntilIdleAsync();
        await using var db = service.OpenDatabase();
        return (await db.Cases.SingleAsync(Ct)).Reference;
    }

    [Fact]
    public async Task Without_a_token_with_a_wrong_one_or_with_the_console_cookie_the_api_is_refused()
    {
        await using var service = await StartAsync();
        using var none = StaffApi.Client(service, token: null);
        using var wrong = StaffApi.Client(service, token: "not-a-token-of-anyone-0123456789abcdef");
        using var cookie = await StaffConsole.SignedInAsync(service, StaffRoles.Admin, "mona");

        Assert.Equal(HttpStatusCode.Unauthorized, (await none.GetAsync("api/staff/cases", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.GetAsync("api/staff/cases", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.PostAsync("api/staff/cases/CAS-2612-00001/claim", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await cookie.GetAsync("api/staff/cases", Ct)).StatusCode);
        // And the other way: the console's live stream takes the sign-in cookie, not a token.
        using var token = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = service.BaseAddress };
        token.DefaultRequestHeaders.Authorization = new("Bearer", StaffApi.Token);
        var events = await token.GetAsync("staff/cases/events", HttpCompletionOption.ResponseHeadersRead, Ct);
        Assert.Equal(HttpStatusCode.Redirect, events.StatusCode);
        Assert.Contains("/staff/signin", events.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Of_two_tokens_claiming_at_once_one_wins_the_other_gets_409_with_who_and_every_action_is_audited()
    {
        await using var service = await StartAsync();
        using var visitor = service.NewVisitor();
        var reference = await OpenCaseAsync(service, visitor);
        using var sara = StaffApi.Client(service);
        using var nura = StaffApi.Client(service, NuraToken);

        var listed = await sara.GetFromJsonAsync<JsonElement>("api/staff/cases", Ct);
        Assert.Equal(reference, listed[0].GetProperty("reference").GetString());
        Assert.Equal("Open", listed[0].GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await sara.GetAsync("api/staff/cases?status=soon", Ct)).StatusCode);

        var claims = await Task.WhenAll(sara.PostAsync($"api/staff/cases/{reference}/claim", null, Ct), nura.PostAsync($"api/staff/cases/{reference}/claim", null, Ct));
        var won = Assert.Single(claims, r => r.StatusCode == HttpStatusCode.OK);
        var lost = Assert.Single(claims, r => r.StatusCode == HttpStatusCode.Conflict);
        var winner = (await won.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("claimedBy").GetString()!;
        var problem = await lost.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(winner, problem.GetProperty("claimedBy").GetString());
        Assert.Contains($"{winner} has already claimed case {reference}", problem.GetProperty("detail").GetString());
        var holder = winner == "sara" ? sara : nura;

        Assert.Equal(HttpStatusCode.BadRequest, (await holder.PostAsJsonAsync($"api/staff/cases/{reference}/reply", new { text = " " }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await holder.PostAsJsonAsync($"api/staff/cases/{reference}/reply", new { text = "أهلاً، كيف أساعدك؟" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await holder.PostAsync($"api/staff/cases/{reference}/release", null, Ct)).StatusCode);
        var again = await holder.PostAsync($"api/staff/cases/{reference}/close", null, Ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("reopen it first", (await again.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, (await holder.PostAsync($"api/staff/cases/{reference}/reopen", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await holder.PostAsync($"api/staff/cases/{reference}/close", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await holder.PostAsync("api/staff/cases/CAS-0000-00000/claim", null, Ct)).StatusCode);
        await service.WaitUntilIdleAsync();

        var read = await sara.GetFromJsonAsync<JsonElement>($"api/staff/cases/{reference}", Ct);
        Assert.Equal("Closed", read.GetProperty("case").GetProperty("status").GetString());
        Assert.Equal(["Opened", "Claimed", "StaffReplied", "Released", "Reopened", "Closed"],
            read.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("kind").GetString()!).ToArray());
        Assert.Empty(await sara.GetFromJsonAsync<JsonElement[]>("api/staff/cases", Ct) ?? []);
        Assert.Single(await sara.GetFromJsonAsync<JsonElement[]>("api/staff/cases?status=closed", Ct) ?? []);

        await using var db = service.OpenDatabase();
        var audited = await db.AuditEntries.Where(a => a.Subject == reference).OrderBy(a => a.Id).Select(a => new { a.Who, a.Action }).ToListAsync(Ct);
        Assert.Equal([AuditActions.CaseClaimed, AuditActions.CaseReplied, AuditActions.CaseReleased, AuditActions.CaseReopened, AuditActions.CaseClosed],
            audited.Select(a => a.Action).ToArray());
        Assert.All(audited, a => Assert.Equal(winner, a.Who));
    }
}
