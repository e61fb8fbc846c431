using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Tamkeen.Host.Staff;

namespace Tamkeen.Host.Tests;

/// <summary>API tokens a member of staff makes and revokes in the console: shown once, stored hashed, their account's role.</summary>
public partial class PersonalTokenTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_token_made_in_the_console_opens_the_api_with_its_accounts_role_until_it_is_revoked()
    {
        await using var service = await RunningService.StartAsync();
        using var console = await StaffConsole.SignedInAsync(service, StaffRoles.Staff, "reem");

        using var made = await StaffConsole.PostFormAsync(console, "staff/tokens", "create", ("Create.Label", "جدول المتابعة"));
        var token = Token().Match(await made.Content.ReadAsStringAsync(Ct)).Groups[1].Value;
        Assert.StartsWith("tmk_", token);
        Assert.DoesNotContain(token, await console.GetStringAsync("staff/tokens", Ct)); // shown once
        await using (var db = service.OpenDatabase())
        {
            var stored = await db.PersonalTokens.SingleAsync(Ct);
            Assert.Equal(("reem", PersonalToken.HashOf(token)), (stored.UserName, stored.Hash));
        }

        using var api = new HttpClient { BaseAddress = service.BaseAddress };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("api/staff/requests", Ct)).StatusCode);

        await using (var db = service.OpenDatabase())
        {
            var id = (await db.PersonalTokens.SingleAsync(Ct)).Id;
            (await StaffConsole.PostFormAsync(console, "staff/tokens", "revoke", ("Revoke.Id", id.ToString(System.Globalization.CultureInfo.InvariantCulture)))).EnsureSuccessStatusCode();
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("api/staff/requests", Ct)).StatusCode);
        await using var check = service.OpenDatabase();
        Assert.Equal([AuditActions.TokenCreated, AuditActions.TokenRevoked],
            await check.AuditEntries.Where(a => a.Who == "reem" && a.Action.StartsWith("token-")).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync(Ct));
    }

    [Fact]
    public async Task One_account_cannot_revoke_another_accounts_token()
    {
        await using var service = await RunningService.StartAsync();
        using var reem = await StaffConsole.SignedInAsync(service, StaffRoles.Staff, "reem");
        using var fahad = await StaffConsole.SignedInAsync(service, StaffRoles.Manager, "fahad");
        (await StaffConsole.PostFormAsync(reem, "staff/tokens", "create", ("Create.Label", "reem's"))).EnsureSuccessStatusCode();
        (await StaffConsole.PostFormAsync(fahad, "staff/tokens", "create", ("Create.Label", "fahad's"))).EnsureSuccessStatusCode();
        await using var db = service.OpenDatabase();
        var reems = await db.PersonalTokens.Where(t => t.UserName == "reem").Select(t => t.Id).SingleAsync(Ct);

        (await StaffConsole.PostFormAsync(fahad, "staff/tokens", "revoke", ("Revoke.Id", reems.ToString(System.Globalization.CultureInfo.InvariantCulture)))).EnsureSuccessStatusCode();

        Assert.Null((await db.PersonalTokens.AsNoTracking().SingleAsync(t => t.Id == reems, Ct)).RevokedAt);
        Assert.DoesNotContain("reem's", await fahad.GetStringAsync("staff/tokens", Ct));
    }

    [GeneratedRegex(@"<bdi dir=""ltr"" class=""secret"">(tmk_[A-Za-z0-9]{32})</bdi>")]
    private static partial Regex Token();
}
