using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenQA.Selenium;
using Tamkeen.Host.Data;
using Tamkeen.Host.Staff;

namespace Tamkeen.Host.Tests;

/// <summary>The managers' reports over <see cref="ReportsData"/>, whose figures are worked out here by hand.</summary>
public partial class ReportsTests
{
    private const string NuraToken = "test-token-for-nura-0123456789abcdef";
    private const string March = $"from={ReportsData.From}&to={ReportsData.To}";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<RunningService> StartAsync(RecordedSql? sql = null) =>
        RunningService.StartAsync(services: s => { if (sql is not null) s.ConfigureDbContext<TamkeenDb>(o => o.AddInterceptors(sql), ServiceLifetime.Singleton); },
            settings: [.. StaffApi.Settings, $"--Staff:ApiTokens:nura={NuraToken}", "--Staff:ApiTokenRoles:nura=staff"]);

    private static async Task<JsonElement> ReportAsync(RunningService service, string report, string query = March)
    {
        using var api = StaffApi.Client(service);
        using var response = await api.GetAsync($"api/staff/reports/{report}?{query}", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("report");
    }

    private static double? Number(JsonElement e, string path)
    {
        foreach (var name in path.Split('.')) e = e.GetProperty(name);
        return e.ValueKind == JsonValueKind.Null ? null : e.GetDouble();
    }

    [Fact]
    public async Task Satisfaction_is_measured_over_the_polls_sent_by_channel_subject_service_staff_outcome_and_month()
    {
        var sql = new RecordedSql();
        await using var service = await StartAsync(sql);
        await ReportsData.SeedAsync(service);
        sql.Clear();
        var report = await ReportAsync(service, "satisfaction");
        // Counted by the database: every read of the polls but the comments' is a count or a sum.
        var reads = sql.Commands.Where(c => c.Contains("FROM \"Polls\"") && !c.Contains("\"Comment\" IS NOT NULL")).ToList();
        Assert.Contains(reads, c => c.Contains("GROUP BY") && c.Contains("SUM("));
        Assert.All(reads, c => Assert.True(c.Contains("COUNT(") || c.Contains("SUM("), c));

        // Sent in March: P1 (1 March 00:30 Saudi) to P8; not P0 (28 February 23:00 Saudi) nor P9 (April). Answered: P1 5, P2 2,
        // P3 4, P4 1, P6 5, P7 3 → 6 of 8 = 75 %; 4 or 5: P1, P3, P6 → 3 of 6 = 50 %; average 20 / 6 = 3.33.
        Assert.Equal((8, 6, 75.0, 50.0, 3.33), Figures(report.GetProperty("all")));
        Assert.Equal([1, 1, 1, 1, 2], report.GetProperty("distribution").EnumerateArray().Select(n => n.GetInt32()));
        // Not sent in March: one opted out, two too soon (the April one is outside). P5 expired; P3 resolved, P4 not.
        Assert.Equal(1, Number(report, "notSent.OptedOut"));
        Assert.Equal(2, Number(report, "notSent.TooSoon"));
        Assert.Equal(2, report.GetProperty("notSent").EnumerateObject().Count());
        Assert.Equal((1, 1, 1), ((int)Number(report, "expired")!, (int)Number(report, "resolvedYes")!, (int)Number(report, "resolvedNo")!));

        // WhatsApp P1 5, P5 unanswered; SMS P2 2; Telegram P3 4, P7 3; web chat P4 1, P6 5, P8 unanswered.
        Assert.Equal(new Dictionary<string, (int, int, double?, double?, double?)>
        {
            ["WhatsApp"] = (2, 1, 50, 100, 5), ["Sms"] = (1, 1, 100, 0, 2), ["Telegram"] = (2, 2, 100, 50, 3.5), ["WebChat"] = (3, 2, 66.7, 50, 3),
        }, Groups(report, "byChannel"));
        Assert.Equal(new Dictionary<string, (int, int, double?, double?, double?)>
        {
            ["Request"] = (2, 2, 100, 50, 3.5), ["Case"] = (4, 2, 50, 50, 2.5), ["GuideAnswer"] = (2, 2, 100, 50, 4),
        }, Groups(report, "bySubject"));
        // R2 and R3 are both food baskets.
        Assert.Equal(new Dictionary<string, (int, int, double?, double?, double?)> { [ReportsData.FoodBasket] = (2, 2, 100, 50, 3.5) }, Groups(report, "byService"));
        Assert.Equal(new Dictionary<string, (int, int, double?, double?, double?)>
        {
            ["Completed"] = (1, 1, 100, 100, 5), ["Rejected"] = (1, 1, 100, 0, 2), ["Closed"] = (3, 2, 66.7, 50, 2.5), ["Released"] = (1, 0, 0, null, null),
        }, Groups(report, "byOutcome"));
        // Sara: P1 5, P2 2, P3 4, P8 unanswered; Omar: P4 1, P5 unanswered. Both below the default 10 answers: too few to judge.
        Assert.Equal(new Dictionary<string, (int, int, double?, double?, double?)> { ["omar"] = (2, 1, 50, 0, 1), ["sara"] = (4, 3, 75, 66.7, 3.67) }, Groups(report, "byStaff"));
        Assert.All(report.GetProperty("byStaff").EnumerateArray(), g => Assert.True(g.GetProperty("figures").GetProperty("tooFew").GetBoolean()));
        Assert.Equal(new Dictionary<string, (int, int, double?, double?, double?)> { ["2025-03"] = (8, 6, 75, 50, 3.33) }, Groups(report, "byMonth"));

        // The comments, newest first, with what could be a phone number masked.
        var comments = report.GetProperty("comments").EnumerateArray().ToList();
        Assert.Equal(["C2", "R2", "R3"], comments.Select(c => c.GetProperty("reference").GetString()));
        Assert.Equal([1, 2, 5], comments.Select(c => c.GetProperty("score").GetInt32()));
        Assert.DoesNotContain(ReportsData.PhoneInComment, comments[1].GetProperty("text").GetString());
        Assert.StartsWith("لم أفهم سبب الرفض", comments[1].GetProperty("text").GetString());
    }

    [Fact]
    public async Task Months_are_cut_to_the_period_and_a_staff_member_with_enough_answers_is_judged()
    {
        await using var service = await RunningService.StartAsync(settings: [.. StaffApi.Settings, "--Surveys:MinimumAnswersPerStaff=3"]);
        await ReportsData.SeedAsync(service);
        var march = await ReportAsync(service, "satisfaction");
        var staff = march.GetProperty("byStaff").EnumerateArray().ToDictionary(g => g.GetProperty("key").GetString()!, g => g.GetProperty("figures").GetProperty("tooFew").GetBoolean());
        Assert.Equal(new Dictionary<string, bool> { ["omar"] = true, ["sara"] = false }, staff);
        // Sara's three answers are enough to be judged; the CSV names her by the name she chose.
        await StaffConsole.CreateAccountAsync(service, "sara", StaffRoles.Staff);
        await using (var db = service.OpenDatabase())
            await db.Users.Where(u => u.UserName == "sara").ExecuteUpdateAsync(u => u.SetProperty(x => x.DisplayName, "سارة"), Ct);
        using var api = StaffApi.Client(service);
        var csv = Encoding.UTF8.GetString(await api.GetByteArrayAsync($"api/staff/reports/satisfaction?{March}&format=csv", Ct)).Split("\r\n");
        Assert.Contains("حسب الموظف: سارة (sara),الرضا: نسبة ٤ و٥ (٪),66.7", csv);
        Assert.Contains("حسب الموظف: omar,الرضا: نسبة ٤ و٥ (٪) — أقل من 3 إجابات: عدد لا يكفي للحكم,", csv);

        // 15 March to 10 April: P7 3 and P8 unanswered in March; P9 1 in April.
        var months = await ReportAsync(service, "satisfaction", "from=2025-03-15&to=2025-04-10");
        Assert.Equal(new Dictionary<string, (int, int, double?, double?, double?)> { ["2025-03"] = (2, 1, 50, 0, 3), ["2025-04"] = (1, 1, 100, 0, 1) }, Groups(months, "byMonth"));
        Assert.Equal(1, Number(months, "notSent.OutsideWhatsAppWindow"));
    }

    private static (int, int, double?, double?, double?) Figures(JsonElement figures) => (
        (int)Number(figures, "sent")!, (int)Number(figures, "answered")!, Number(figures, "responseRate"), Number(figures, "csat"), Number(figures, "average"));

    private static Dictionary<string, (int, int, double?, double?, double?)> Groups(JsonElement report, string name) =>
        report.GetProperty(name).EnumerateArray().ToDictionary(g => g.GetProperty("key").GetString()!, g => Figures(g.GetProperty("figures")));

    [Fact]
    public async Task Requests_are_counted_by_status_and_service_with_the_promise_kept_and_the_time_to_decision()
    {
        var sql = new RecordedSql();
        await using var service = await StartAsync(sql);
        await ReportsData.SeedAsync(service);
        sql.Clear();
        var report = await ReportAsync(service, "requests");
        var reads = sql.Commands.Where(c => c.Contains("\"ServiceRequests\"")).ToList();
        // Counted and grouped by the database; no request is read whole, and the decision time is the database's MIN.
        Assert.Contains(reads, c => c.Contains("GROUP BY") && c.Contains("COUNT(*)"));
        Assert.Contains(reads, c => c.Contains("MIN("));
        Assert.DoesNotContain(reads, c => c.Contains("AnswersJson"));

        // In March (Saudi days): R1, R2, R3, R4, R5 and R8 (1 March 00:30 Saudi); not R6 (28 February) nor R7 (1 April).
        Assert.Equal(6, Number(report, "submitted"));
        // Approved R1, R5, R8; Rejected R2; Completed R3; UnderStudy R4.
        Assert.Equal(3, Number(report, "byStatus.Approved"));
        Assert.Equal(1, Number(report, "byStatus.Rejected"));
        Assert.Equal(1, Number(report, "byStatus.Completed"));
        Assert.Equal(1, Number(report, "byStatus.UnderStudy"));
        Assert.Equal(4, report.GetProperty("byStatus").EnumerateObject().Count());
        // Food basket R1, R2, R3, R8; rent support R4, R5.
        Assert.Equal(4, Number(report, $"byService.{ReportsData.FoodBasket}"));
        Assert.Equal(2, Number(report, $"byService.{ReportsData.RentSupport}"));
        // Every week has passed, so all 6 are settled; decided within 168 hours: R1 48, R2 144, R5 1, R8 72 (R3 took 240,
        // R4 is undecided): 4 / 6 = 66.7 %.
        Assert.Equal(6, Number(report, "settled"));
        Assert.Equal(4, Number(report, "decidedWithinPromise"));
        Assert.Equal(66.7, Number(report, "withinPromiseShare"));
        // R4 carries OverdueSince and no decision.
        Assert.Equal(1, Number(report, "overdueNow"));
        // Hours to the first approval or rejection, in order: 1, 48, 72, 144, 240 (R3's later Completed does not count).
        // Median: the ⌈5 × 0.5⌉ = 3rd, 72. 90th percentile: the ⌈5 × 0.9⌉ = 5th, 240.
        Assert.Equal(5, Number(report, "timeToDecision.count"));
        Assert.Equal(72, Number(report, "timeToDecision.medianHours"));
        Assert.Equal(240, Number(report, "timeToDecision.p90Hours"));
    }

    [Fact]
    public async Task Cases_are_counted_by_reason_and_status_and_timed_from_the_escalation_in_and_outside_working_hours()
    {
        await using var service = await StartAsync();
        await ReportsData.SeedAsync(service);
        var report = await ReportAsync(service, "cases");

        // C1–C6 opened in March; C7 on 1 April.
        Assert.Equal(6, Number(report, "opened"));
        Assert.Equal(2, Number(report, "byReason.AskedForPerson")); // C1, C5
        Assert.Equal(2, Number(report, "byReason.GuideFailedTwice")); // C3, C6
        Assert.Equal(1, Number(report, "byReason.Complaint"));
        Assert.Equal(1, Number(report, "byReason.Urgent"));
        Assert.Equal(3, Number(report, "byStatus.Closed")); // C1, C2, C4
        Assert.Equal(1, Number(report, "byStatus.Open"));
        Assert.Equal(1, Number(report, "urgent"));

        // All: first replies 0.5, 1, 2, 15, 48 hours → median the 3rd, 2; 90th the 5th, 48.
        // Closed by staff (not C5, released): 2, 5, 50 → median the ⌈1.5⌉ = 2nd, 5; 90th the ⌈2.7⌉ = 3rd, 50.
        Assert.Equal((6, 2.0, 48.0), Times(report, "all", "toFirstReply"));
        Assert.Equal((6, 5.0, 50.0), Times(report, "all", "toClose"));
        // In working hours (C1 Sunday 09:00, C2 Monday 10:00, C3 Tuesday 11:00 Saudi): replies 0.5, 1, 2 → median the 2nd, 1;
        // 90th the 3rd, 2. Closes 2, 5 → median the 1st, 2; 90th the ⌈1.8⌉ = 2nd, 5.
        Assert.Equal((3, 1.0, 2.0), Times(report, "inWorkingHours", "toFirstReply"));
        Assert.Equal((3, 2.0, 5.0), Times(report, "inWorkingHours", "toClose"));
        // Outside (C4 Friday, C5 Sunday 18:00, C6 Wednesday 15:00 Saudi): replies 15, 48 → median the 1st, 15; 90th the 2nd, 48.
        // Closes: only C4, 50.
        Assert.Equal((3, 15.0, 48.0), Times(report, "outsideWorkingHours", "toFirstReply"));
        Assert.Equal((3, 50.0, 50.0), Times(report, "outsideWorkingHours", "toClose"));
    }

    private static (int, double?, double?) Times(JsonElement report, string part, string measure) => (
        (int)Number(report, $"{part}.opened")!.Value, Number(report, $"{part}.{measure}.medianHours"), Number(report, $"{part}.{measure}.p90Hours"));

    [Fact]
    public async Task The_guide_report_counts_the_questions_answered_without_a_person_its_failures_and_the_most_asked()
    {
        await using var service = await StartAsync();
        await ReportsData.SeedAsync(service);
        var report = await ReportAsync(service, "guide");

        // Ten questions put to the guide in March; four it could not answer, so six it answered without a person: 60 %.
        Assert.Equal((10, 6, 60.0), (Number(report, "asked"), Number(report, "answeredWithoutPerson"), Number(report, "answeredWithoutPersonShare")));
        // The four in March (the fifth is in April): NoMatch twice, NotHelpful and NoneOfTheSuggestions once.
        Assert.Equal(4, Number(report, "unanswered"));
        Assert.Equal(2, Number(report, "byReason.NoMatch"));
        Assert.Equal(1, Number(report, "byReason.NotHelpful"));
        Assert.Equal(1, Number(report, "byReason.NoneOfTheSuggestions"));
        // Asked by three people; one of them (C3) was handed to staff because the guide failed twice. C6's person asked in
        // April, so is not among them. Not handed: 2 / 3 = 66.7 %.
        Assert.Equal(3, Number(report, "peopleUnanswered"));
        Assert.Equal(1, Number(report, "peopleHandedToStaff"));
        Assert.Equal(66.7, Number(report, "leftWithoutPersonShare"));
        var top = report.GetProperty("topUnanswered").EnumerateArray().Select(q => (q.GetProperty("question").GetString(), q.GetProperty("count").GetInt32())).ToList();
        Assert.Equal([(ReportsData.AmountQuestion, 3), ("متى يصرف الدعم", 1)], top);
    }

    [Fact]
    public async Task The_date_filter_leaves_out_what_is_outside_it()
    {
        await using var service = await StartAsync();
        await ReportsData.SeedAsync(service);

        // 15–31 March: only R5 (20 March), decided in 1 hour; only C6 (12 March) is before it, so no case; Q4 is on 10 March.
        var requests = await ReportAsync(service, "requests", "from=2025-03-15&to=2025-03-31");
        Assert.Equal(1, Number(requests, "submitted"));
        Assert.Equal((1.0, 1.0), (Number(requests, "timeToDecision.medianHours")!.Value, Number(requests, "timeToDecision.p90Hours")!.Value));
        Assert.Equal(0, Number(await ReportAsync(service, "cases", "from=2025-03-15&to=2025-03-31"), "opened"));
        Assert.Equal(0, Number(await ReportAsync(service, "guide", "from=2025-03-15&to=2025-03-31"), "unanswered"));
        // 28 February alone (Saudi): only R6 (23:00 Saudi), not R8 (1 March 00:30 Saudi, 28 February in UTC).
        Assert.Equal(1, Number(await ReportAsync(service, "requests", "from=2025-02-28&to=2025-02-28"), "submitted"));

        using var api = StaffApi.Client(service);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync("api/staff/reports/requests?from=2025-03-31&to=2025-03-01", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync("api/staff/reports/requests?from=March", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("api/staff/reports/polls", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_csv_opens_in_excel_with_its_arabic_headers_and_figures()
    {
        await using var service = await StartAsync();
        await ReportsData.SeedAsync(service);
        using var api = StaffApi.Client(service);
        using var response = await api.GetAsync($"api/staff/reports/requests?{March}&format=csv", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");
        Assert.Equal("القسم,البند,القيمة", lines[0]);
        Assert.Contains("الإجمالي,الطلبات المقدّمة,6", lines);
        Assert.Contains("وعد الرد خلال أسبوع,نسبة ما بُتّ فيه في موعده (٪),66.7", lines);
        Assert.Contains("مدة البت من التقديم,الوسيط (ساعات),72", lines);

        var cases = Encoding.UTF8.GetString(await api.GetByteArrayAsync($"api/staff/reports/cases?{March}&format=csv", Ct));
        Assert.Contains("فُتحت خارج ساعات العمل — حتى أول رد من موظف,الوسيط (ساعات),15", cases);
    }

    [Fact]
    public async Task Staff_are_refused_the_reports_and_a_manager_sees_the_page_with_its_figures_chart_data_and_csv()
    {
        await using var service = await StartAsync();
        await ReportsData.SeedAsync(service);

        using var nura = StaffApi.Client(service, NuraToken);
        Assert.Equal(HttpStatusCode.Forbidden, (await nura.GetAsync($"api/staff/reports/requests?{March}", Ct)).StatusCode);
        using var noToken = StaffApi.Client(service, token: null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await noToken.GetAsync($"api/staff/reports/requests?{March}", Ct)).StatusCode);
        using var staff = await StaffConsole.SignedInAsync(service, StaffRoles.Staff);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync($"staff/reports?{March}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync($"staff/reports/cases.csv?{March}", Ct)).StatusCode);
        Assert.DoesNotContain("/staff/reports", await staff.GetStringAsync("staff/requests", Ct));

        using var manager = await StaffConsole.SignedInAsync(service, StaffRoles.Manager);
        var page = await manager.GetStringAsync($"staff/reports?{March}", Ct);
        Assert.Contains("<a href=\"/staff/reports\">التقارير</a>", page);
        Assert.Contains("تقارير جودة الخدمة", page);
        Assert.Contains("<bdi dir=\"ltr\">66.7</bdi>", page);
        Assert.Contains("<script src=\"/lib/chartjs/chart.umd.min.js\" defer></script>", page);
        // Weeks from 1 March. Submitted: R8, R1, R2, R3, R4 in the first, R5 in the third. Decided: R6 (1 March), R8, R1 in
        // the first; R2 (9 March), R3 (14 March) in the second; R5 in the third. Opened: C1–C5 in the first, C6 in the second.
        var trend = JsonDocument.Parse(TrendData().Match(page).Groups[1].Value).RootElement;
        Assert.Equal(["2025-03-01", "2025-03-08", "2025-03-15", "2025-03-22", "2025-03-29"], trend.GetProperty("labels").EnumerateArray().Select(w => w.GetString()));
        var series = trend.GetProperty("series").EnumerateArray().Select(s => s.GetProperty("values").EnumerateArray().Select(c => c.GetInt32()).ToArray()).ToList();
        Assert.Equal([5, 0, 1, 0, 0], series[0]);
        Assert.Equal([3, 2, 1, 0, 0], series[1]);
        Assert.Equal([5, 1, 0, 0, 0], series[2]);

        Assert.Contains("رضا المستفيدين", page);
        Assert.Contains("أقل من 10 إجابات: عدد لا يكفي للحكم", page);
        var satisfaction = JsonDocument.Parse(SatisfactionData().Match(page).Groups[1].Value).RootElement;
        Assert.Equal(["2025-03"], satisfaction.GetProperty("labels").EnumerateArray().Select(m => m.GetString()));

        using var csv = await manager.GetAsync($"staff/reports/guide.csv?{March}", Ct);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Contains($"الأسئلة الأكثر تكراراً,{ReportsData.AmountQuestion},3", Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync(Ct)));
    }

    [Fact]
    public async Task The_charts_are_drawn_in_the_browser_under_the_policy_and_the_csv_downloads()
    {
        await using var service = await StartAsync();
        await ReportsData.SeedAsync(service);
        await StaffConsole.CreateAccountAsync(service, "mona", StaffRoles.Manager);
        using var browser = Browser.Open(new Uri(service.BaseAddress, $"staff/reports?{March}"));
        browser.Wait.Until(d => d.FindElements(By.Id("username")).Count > 0);
        browser.Fill("username", "mona");
        browser.Fill("password", StaffConsole.Password);
        browser.ClickToNextPage(By.CssSelector("button[type=submit]"));
        browser.Wait.Until(d => d.FindElements(By.Id("trend")).Count > 0);

        // Chart.js keeps the chart it drew on the canvas; something was painted when a pixel is not transparent.
        Assert.True(browser.Wait.Until(d => browser.Script("return !!Chart.getChart('trend');") is true));
        Assert.Equal(true, browser.Script("""
            const c = document.getElementById('trend'), pixels = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
            return c.width > 0 && pixels.some((v, i) => i % 4 === 3 && v !== 0);
            """));
        Assert.Equal(3L, browser.Script("return Chart.getChart('trend').data.datasets.length;"));
        Assert.True(browser.Wait.Until(d => browser.Script("return !!Chart.getChart('satisfaction-trend');") is true));
        Assert.Equal(new List<object> { 50L, 75L }, browser.Script("""
            const data = Chart.getChart('satisfaction-trend').data.datasets;
            return [data[0].data[0], data[1].data[0]];
            """));

        // The satisfaction CSV, downloaded by the browser as the manager clicks its link.
        var csv = browser.Download(By.CssSelector("#satisfaction a[download]"), $"satisfaction-{ReportsData.From}-{ReportsData.To}.csv");
        Assert.Equal([0xEF, 0xBB, 0xBF], csv[..3]);
        Assert.Contains("الإجمالي,الرضا: نسبة ٤ و٥ (٪),50", Encoding.UTF8.GetString(csv[3..]).Split("\r\n"));
        Assert.Equal("rtl", browser.Script("return getComputedStyle(document.body).direction;"));
        Assert.True(browser.FitsTheScreenWidth(), "The reports page must fit a 390 px phone.");
        browser.Driver.GetScreenshot().SaveAsFile("/tmp/staff-reports.png");
        Assert.Empty(browser.ScriptErrors());
    }

    [GeneratedRegex("<script type=\"application/json\" id=\"trend-data\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex TrendData();

    [GeneratedRegex("<script type=\"application/json\" id=\"satisfaction-trend-data\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex SatisfactionData();
}
