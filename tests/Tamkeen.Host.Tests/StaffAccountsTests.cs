using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Tamkeen.Host.Staff;

namespace Tamkeen.Host.Tests;

/// <summary>The accounts page, as an admin uses it: add, change role, stop, start again, a new one-time password.</summary>
public partial class StaffAccountsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_admin_adds_an_account_whose_one_time_password_signs_in_once_and_must_be_changed()
    {
        await using var service = await RunningService.StartAsync();
        using var admin = await StaffConsole.SignedInAsync(service, StaffRoles.Admin, "root-admin");

        using var added = await StaffConsole.PostFormAsync(admin, "staff/accounts", "add", ("Add.UserName", "noura"), ("Add.Role", StaffRoles.Manager));
        var page = await added.Content.ReadAsStringAsync(Ct);
        var password = OneTimePassword().Match(page).Groups[1].Value;
        Assert.NotEmpty(password);

        using var noura = StaffConsole.NewBrowser(service);
        using var signedIn = await StaffConsole.SignInAsync(noura, "noura", password);
        Assert.Equal("/staff/password", signedIn.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.DoesNotContain(password, await admin.GetStringAsync("staff/accounts", Ct)); // shown once
        await using var db = service.OpenDatabase();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Who == "root-admin" && a.Action == AuditActions.AccountCreated && a.Subject == "noura", Ct));
    }

    [Fact]
    public async Task A_stopped_account_cannot_sign_in_until_it_is_started_again_and_a_reset_gives_a_new_one_time_password()
    {
        await using var service = await RunningService.StartAsync();
        using var admin = await StaffConsole.SignedInAsync(service, StaffRoles.Admin, "root-admin");
        await StaffConsole.CreateAccountAsync(service, "khalid", StaffRoles.Staff);

        (await StaffConsole.PostFormAsync(admin, "staff/accounts", "act", ("Act.UserName", "khalid"), ("Act.Command", "disable"))).EnsureSuccessStatusCode();
        using (var khalid = StaffConsole.NewBrowser(service))
        {
            using var refused = await StaffConsole.SignInAsync(khalid, "khalid", StaffConsole.Password);
            Assert.Equal("/staff/signin", refused.RequestMessage!.RequestUri!.AbsolutePath);
        }

        (await StaffConsole.PostFormAsync(admin, "staff/accounts", "act", ("Act.UserName", "khalid"), ("Act.Command", "enable"))).EnsureSuccessStatusCode();
        using var reset = await StaffConsole.PostFormAsync(admin, "staff/accounts", "act", ("Act.UserName", "khalid"), ("Act.Command", "reset"));
        var password = OneTimePassword().Match(await reset.Content.ReadAsStringAsync(Ct)).Groups[1].Value;
        using var again = StaffConsole.NewBrowser(service);
        using var old = await StaffConsole.SignInAsync(again, "khalid", StaffConsole.Password);
        Assert.Equal("/staff/signin", old.RequestMessage!.RequestUri!.AbsolutePath);
        using var fresh = await StaffConsole.SignInAsync(again, "khalid", password);
        Assert.Equal("/staff/password", fresh.RequestMessage!.RequestUri!.AbsolutePath);

        await using var db = service.OpenDatabase();
        Assert.Equal([AuditActions.AccountDisabled, AuditActions.AccountEnabled, AuditActions.PasswordReset],
            await db.AuditEntries.Where(a => a.Who == "root-admin" && a.Subject == "khalid").OrderBy(a => a.Id).Select(a => a.Action).ToListAsync(Ct));
    }

    [Fact]
    public async Task A_role_change_applies_and_staff_and_managers_cannot_open_the_accounts_page()
    {
        await using var service = await RunningService.StartAsync();
        using var admin = await StaffConsole.SignedInAsync(service, StaffRoles.Admin, "root-admin");
        using var staff = await StaffConsole.SignedInAsync(service, StaffRoles.Staff, "huda");
        using var manager = await StaffConsole.SignedInAsync(service, StaffRoles.Manager);

        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("staff/accounts", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync("staff/accounts", Ct)).StatusCode);
        Assert.DoesNotContain("/staff/accounts", await staff.GetStringAsync("staff/", Ct));

        (await StaffConsole.PostFormAsync(admin, "staff/accounts", "role", ("Role.UserName", "huda"), ("Role.Role", StaffRoles.Admin))).EnsureSuccessStatusCode();
        using var promoted = StaffConsole.NewBrowser(service);
        (await StaffConsole.SignInAsync(promoted, "huda", StaffConsole.Password)).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.OK, (await promoted.GetAsync("staff/accounts", Ct)).StatusCode);
    }

    [GeneratedRegex(@"<bdi dir=""ltr"" class=""secret"">([A-Za-z0-9]{16})</bdi>")]
    private static partial Regex OneTimePassword();
}
