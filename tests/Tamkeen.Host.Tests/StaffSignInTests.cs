using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Tamkeen.Host.Staff;

namespace Tamkeen.Host.Tests;

/// <summary>Staff accounts and sign-in over HTTP: the first admin, `staff add`, the console's and the API's refusals, the audit log.</summary>
public partial class StaffSignInTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_first_start_logs_the_admin_one_time_password_once_and_it_must_be_changed_at_sign_in()
    {
        var file = RunningService.NewDatabaseFile();
        var firstLogs = new CapturedLogs();
        string password;
        await using (var first = await RunningService.StartAsync(file, services: firstLogs.Register))
        {
            var line = Assert.Single(firstLogs.Entries, e => e.Template?.Contains("{OneTimePassword}", StringComparison.Ordinal) == true);
            Assert.Equal(LogLevel.Warning, line.Level);
            Assert.Contains("choose a new password", line.Message);
            password = OneTimePassword().Match(line.Message).Groups[1].Value;

            using var admin = StaffConsole.NewBrowser(first);
            using var signedIn = await StaffConsole.SignInAsync(admin, FirstAdmin.Name, password);
            Assert.Equal("/staff/password", signedIn.RequestMessage!.RequestUri!.AbsolutePath);
            // Nothing else is open until the password is changed.
            using var console = await admin.GetAsync("staff/", Ct);
            Assert.Equal("/staff/password", console.RequestMessage!.RequestUri!.AbsolutePath);
            Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync("staff/api/failed-deliveries", Ct)).StatusCode);
        }

        var secondLogs = new CapturedLogs();
        await using var second = await RunningService.StartAsync(file, services: secondLogs.Register);
        Assert.DoesNotContain(secondLogs.Lines, l => l.Contains(password, StringComparison.Ordinal) || l.Contains("one-time password", StringComparison.Ordinal));
        await using var db = second.OpenDatabase();
        var created = await db.AuditEntries.SingleAsync(a => a.Action == AuditActions.AccountCreated, Ct);
        Assert.Equal((FirstAdmin.Name, "first start"), (created.Subject, created.Who));
    }

    [Fact]
    public async Task Staff_add_prints_a_one_time_password_that_signs_in_and_must_be_changed()
    {
        var file = RunningService.NewDatabaseFile();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await StaffCommand.RunAsync(["add", "nura", "--role", "manager", $"--ConnectionStrings:Tamkeen=Data Source={file}"], output, error);
        Assert.Equal(0, exit);
        var password = OneTimePassword().Match(output.ToString()).Groups[1].Value;
        Assert.Equal(16, password.Length);

        await using var service = await RunningService.StartAsync(file);
        using var nura = StaffConsole.NewBrowser(service);
        using var wrong = await StaffConsole.SignInAsync(nura, "nura", password + "x");
        Assert.Contains("اسم المستخدم أو كلمة المرور غير صحيحة", await wrong.Content.ReadAsStringAsync(Ct));
        using var signedIn = await StaffConsole.SignInAsync(nura, "nura", password);
        Assert.Equal("/staff/password", signedIn.RequestMessage!.RequestUri!.AbsolutePath);

        using var changed = await StaffConsole.PostFormAsync(nura, "staff/password", "password",
            ("Input.Current", password), ("Input.New", "the new pass phrase of nura"), ("Input.Confirm", "the new pass phrase of nura"));
        Assert.Equal("/staff/", changed.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("الاقتراحات والشكاوى", await changed.Content.ReadAsStringAsync(Ct));

        await using var db = service.OpenDatabase();
        var actions = await db.AuditEntries.Where(a => a.Subject == "nura").OrderBy(a => a.Id).Select(a => a.Action).ToListAsync(Ct);
        Assert.Equal([AuditActions.AccountCreated, AuditActions.SignInFailed, AuditActions.SignedIn, AuditActions.PasswordChanged], actions);
        Assert.False((await db.Users.SingleAsync(u => u.UserName == "nura", Ct)).MustChangePassword);
        // No first admin on a database that already has an account.
        Assert.False(await db.Users.AnyAsync(u => u.UserName == FirstAdmin.Name, Ct));
    }

    [Fact]
    public async Task Signed_out_the_console_sends_to_the_sign_in_page_and_its_api_answers_401()
    {
        await using var service = await RunningService.StartAsync();
        using var browser = StaffConsole.NewBrowser(service);

        using var page = await browser.GetAsync("staff/", Ct);
        Assert.Equal("/staff/signin", page.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("lang=\"ar\" dir=\"rtl\"", await page.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("staff/api/failed-deliveries", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("staff/api/unanswered-questions", Ct)).StatusCode);

        using var staff = await StaffConsole.SignedInAsync(service);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("staff/api/failed-deliveries", Ct)).StatusCode);
        // A staff API token is not a console sign-in.
        using var token = StaffApi.Client(service);
        Assert.Equal(HttpStatusCode.Unauthorized, (await token.GetAsync("staff/api/failed-deliveries", Ct)).StatusCode);

        Assert.Equal("/staff/signin", (await SignOutAsync(staff)).RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(HttpStatusCode.Unauthorized, (await staff.GetAsync("staff/api/failed-deliveries", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_form_posted_without_its_anti_forgery_token_is_refused()
    {
        await using var service = await RunningService.StartAsync();
        await StaffConsole.CreateAccountAsync(service, "sara", StaffRoles.Staff);
        using var browser = StaffConsole.NewBrowser(service);
        await browser.GetStringAsync("staff/signin", Ct);

        using var forged = await browser.PostAsync("staff/signin", new FormUrlEncodedContent(
            [new("_handler", "signin"), new("Input.UserName", "sara"), new("Input.Password", StaffConsole.Password)]), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.PostAsync("staff/signout", new FormUrlEncodedContent([]), Ct)).StatusCode);
        Assert.Equal("/staff/signin", (await browser.GetAsync("staff/", Ct)).RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task A_staff_token_changes_a_status_as_allowed_but_a_decision_takes_a_manager_and_each_change_is_audited()
    {
        await using var service = await RunningService.StartAsync(settings:
        [
            .. StaffApi.Settings, "--Staff:ApiTokens:omar=test-token-for-omar-0123456789abcdef", "--Staff:ApiTokenRoles:omar=staff",
        ]);
        using (var visitor = service.NewVisitor())
            foreach (var text in new[] { "مرحبا", "2", "2", "سارة محمد", "2012345670", "0509876543", "الرس", "4", "تخطي", "1" }) await visitor.SendAsync(text);
        await service.WaitUntilIdleAsync();
        await using var db = service.OpenDatabase();
        var reference = await db.ServiceRequests.Select(r => r.Reference).SingleAsync(Ct);
        using var omar = StaffApi.Client(service, "test-token-for-omar-0123456789abcdef");
        using var sara = StaffApi.Client(service);

        Assert.Equal(HttpStatusCode.OK, (await omar.GetAsync($"api/staff/requests/{reference}", Ct)).StatusCode);
        var tooEarly = await sara.PostAsJsonAsync($"api/staff/requests/{reference}/status", new { status = "Completed" }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, tooEarly.StatusCode);
        Assert.Contains("A request that is Submitted can move to: Verified, UnderStudy, NeedsInformation, Rejected.", await tooEarly.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, (await omar.PostAsJsonAsync($"api/staff/requests/{reference}/status", new { status = "UnderStudy" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await omar.PostAsJsonAsync($"api/staff/requests/{reference}/status", new { status = "Approved" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await omar.PostAsJsonAsync($"api/staff/requests/{reference}/notes", new { note = "اتصلنا بها" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await sara.PostAsJsonAsync($"api/staff/requests/{reference}/status", new { status = "Approved" }, Ct)).StatusCode);
        // Completing an approved request is staff's work.
        Assert.Equal(HttpStatusCode.OK, (await omar.PostAsJsonAsync($"api/staff/requests/{reference}/status", new { status = "Completed" }, Ct)).StatusCode);

        var audit = await db.AuditEntries.Where(a => a.Subject == reference).OrderBy(a => a.Id).Select(a => new { a.Who, a.Action, a.Detail }).ToListAsync(Ct);
        Assert.Equal(
        [
            new { Who = "omar", Action = AuditActions.RequestStatusChanged, Detail = (string?)"Submitted → UnderStudy" },
            new { Who = "omar", Action = AuditActions.RequestNoteAdded, Detail = (string?)null },
            new { Who = "sara", Action = AuditActions.RequestStatusChanged, Detail = (string?)"UnderStudy → Approved" },
            new { Who = "omar", Action = AuditActions.RequestStatusChanged, Detail = (string?)"Approved → Completed" },
        ], audit);
    }

    private static async Task<HttpResponseMessage> SignOutAsync(HttpClient client)
    {
        var html = await client.GetStringAsync("staff/password");
        var token = AntiforgeryInSignOut().Match(html).Groups[1].Value;
        return await client.PostAsync("staff/signout", new FormUrlEncodedContent([new("__RequestVerificationToken", WebUtility.HtmlDecode(token))]));
    }

    [GeneratedRegex("password:? ([A-Za-z0-9]{16})")]
    private static partial Regex OneTimePassword();

    [GeneratedRegex("action=\"/staff/signout\">\\s*<input type=\"hidden\" name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryInSignOut();
}
