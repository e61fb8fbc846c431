using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
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

    [Fact]
    public async Task In_English_the_case_queue_its_live_table_a_case_page_a_claim_conflict_and_the_Telegram_link_page_are_English_and_Arabic_stays_the_default()
    {
        // Wednesday 10:00 in Riyadh: working hours.
        await using var service = await RunningService.StartAsync(time: WebChatCases.WorkingHours());
        using var visitor = service.NewVisitor();
        var reference = await WebChatCases.AskForStaffAsync(service, visitor);
        using var sara = await StaffConsole.SignedInAsync(service, StaffRoles.Staff, "sara");
        using var nura = await StaffConsole.SignedInAsync(service, StaffRoles.Staff, "nura");
        (await nura.GetAsync("staff/language?to=en&back=/staff/cases", Ct)).Dispose();

        // The queue: nothing in its main part is Arabic (no one has typed anything shown there yet).
        var queue = WebUtility.HtmlDecode(await nura.GetStringAsync("staff/cases", Ct));
        Assert.Contains("<html lang=\"en\" dir=\"ltr\">", queue);
        Assert.Contains("<title>Cases — Staff console</title>", queue);
        Assert.Contains("<h1>Cases</h1>", queue);
        Assert.Contains("<button type=\"submit\">Show</button>", queue);
        Assert.Contains(">Active</option>", queue);
        Assert.Contains("<th>Reason</th>", queue);
        Assert.Contains("Waiting for staff", queue);
        Assert.Contains("Asked to talk to a member of staff", queue);
        Assert.DoesNotMatch(Arabic, MainPart(queue));

        // The table alone, as the live script reads it: the same cookie, the same language.
        var table = WebUtility.HtmlDecode(await nura.GetStringAsync("staff/cases/table?status=active", Ct));
        Assert.DoesNotContain("<html", table);
        Assert.Contains(reference, table);
        Assert.Contains("<th>Claimed by</th>", table);
        Assert.Contains("Waiting for staff", table);
        Assert.DoesNotMatch(Arabic, table);
        Assert.Contains("No cases match.", WebUtility.HtmlDecode(await nura.GetStringAsync("staff/cases/table?status=closed", Ct)));

        var page = $"staff/cases/{reference}";
        var casePage = WebUtility.HtmlDecode(await nura.GetStringAsync(page, Ct));
        Assert.Contains("<html lang=\"en\" dir=\"ltr\">", casePage);
        Assert.Contains($"<h1>Case <bdi dir=\"ltr\" class=\"reference\">{reference}</bdi></h1>", casePage);
        Assert.Contains("<dt>Priority</dt>", casePage);
        Assert.Contains(">Claim</button>", casePage);
        Assert.Contains(">Close</button>", casePage);
        Assert.Contains(">Return to the automated service</button>", casePage);
        Assert.Contains("<h2>Conversation</h2>", casePage);
        Assert.Contains("<h2>Case history</h2>", casePage);
        Assert.Contains("Case opened", casePage);
        // What the visitor wrote stays as written, marked to find its own direction.
        Assert.Contains("<p class=\"text\" dir=\"auto\">موظف</p>", casePage);

        // Sara, in Arabic, claims first; Nura's page was opened before, and she is told in English who has it.
        using var first = await StaffConsole.PostFormAsync(sara, page, "claim");
        var arabic = WebUtility.HtmlDecode(await first.Content.ReadAsStringAsync(Ct));
        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", arabic);
        Assert.Contains("استلمت الحالة: أنت من يرد على المستفيد الآن.", arabic);
        Assert.Contains("<h2>المحادثة</h2>", arabic);
        using var second = await StaffConsole.PostFormAsync(nura, page, "claim");
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var conflict = WebUtility.HtmlDecode(await second.Content.ReadAsStringAsync(Ct));
        Assert.Contains($"{ConsoleLanguage.Isolate("sara")} claimed this case before you: they are the one answering it.", conflict);
        Assert.Contains("With staff", conflict);
        Assert.Contains("Claimed by staff", conflict);
        using var empty = await StaffConsole.PostFormAsync(nura, page, "reply", ("ReplyInput.Text", ""));
        Assert.Contains("Write the reply.", await empty.Content.ReadAsStringAsync(Ct));

        var telegram = WebUtility.HtmlDecode(await nura.GetStringAsync("staff/telegram", Ct));
        Assert.Contains("<html lang=\"en\" dir=\"ltr\">", telegram);
        Assert.Contains("<h1>Link Telegram</h1>", telegram);
        Assert.Contains("Your account is not linked to Telegram yet.", telegram);
        Assert.Contains(">Give me a link code</button>", telegram);
        using var code = await StaffConsole.PostFormAsync(nura, "staff/telegram", "link");
        var issued = WebUtility.HtmlDecode(await code.Content.ReadAsStringAsync(Ct));
        Assert.Contains("Within 10 minutes, send the bot in Telegram", issued);
        Assert.Matches(@"<bdi dir=""ltr"" class=""secret"">/link \d{6}</bdi>", issued);
        Assert.Contains(">New code</button>", issued);
        Assert.DoesNotMatch(Arabic, MainPart(issued));

        // Without the switch, all of it stays Arabic.
        Assert.Contains("<h1>الحالات</h1>", WebUtility.HtmlDecode(await sara.GetStringAsync("staff/cases", Ct)));
        Assert.Contains("مع موظف", WebUtility.HtmlDecode(await sara.GetStringAsync("staff/cases/table", Ct)));
        var arabicTelegram = WebUtility.HtmlDecode(await sara.GetStringAsync("staff/telegram", Ct));
        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", arabicTelegram);
        Assert.Contains("<h1>ربط تيليجرام</h1>", arabicTelegram);
        Assert.Contains(">أعطني رمز ربط</button>", arabicTelegram);
    }

    private static readonly Regex Arabic = new(@"[\u0600-\u06FF]");

    private static string MainPart(string page) => page[page.IndexOf("<main", StringComparison.Ordinal)..(page.IndexOf("</main>", StringComparison.Ordinal) + 7)];
}
