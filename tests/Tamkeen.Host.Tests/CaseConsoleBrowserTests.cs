using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using OpenQA.Selenium;
using Tamkeen.Host.Staff;

namespace Tamkeen.Host.Tests;

/// <summary>The case queue and a case's page in a real browser (headless Chromium), with a website-chat visitor asking for a person.</summary>
public class CaseConsoleBrowserTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_new_case_appears_in_the_open_queue_without_reload_and_the_staff_reply_reaches_the_visitor_signed()
    {
        // Wednesday 10:00 in Riyadh: working hours.
        await using var service = await RunningService.StartAsync(time: WebChatCases.WorkingHours());
        await StaffConsole.CreateAccountAsync(service, "sara", StaffRoles.Staff);
        using var browser = Browser.Open(new Uri(service.BaseAddress, "staff/cases"));
        browser.Wait.Until(d => d.FindElements(By.Id("username")).Count > 0);
        browser.Fill("username", "sara");
        browser.Fill("password", StaffConsole.Password);
        browser.ClickToNextPage(By.CssSelector("button[type=submit]"));
        browser.Wait.Until(d => d.FindElements(By.Id("case-queue")).Count > 0);
        Assert.Contains("لا توجد حالات", browser.Driver.FindElement(By.Id("case-queue")).Text);
        browser.Wait.Until(d => browser.Script("return document.getElementById('case-queue').dataset.listening;") is "true");
        browser.Script("window.sameDocument = true;");

        using var visitor = service.NewVisitor();
        var reference = await WebChatCases.AskForStaffAsync(service, visitor);

        var row = browser.Wait.Until(d => d.FindElements(By.CssSelector($"#case-queue tr[data-reference='{reference}']")).FirstOrDefault())!;
        Assert.Equal(true, browser.Script("return window.sameDocument === true;")); // no reload
        var line = row.GetDomProperty("textContent"); // partly scrolled out of view inside its box
        Assert.Contains("بانتظار موظف", line);
        Assert.Contains("طلب التحدث إلى موظف", line);
        Assert.True(browser.FitsTheScreenWidth(), "The queue must scroll inside its box, not widen a 390 px page.");

        browser.ClickToNextPage(By.LinkText(reference));
        browser.Wait.Until(d => d.FindElements(By.Id("claim")).Count > 0);
        Assert.Contains("موظف", browser.Driver.FindElement(By.Id("transcript")).Text);
        browser.ClickToNextPage(By.Id("claim"));
        browser.Wait.Until(d => d.FindElements(By.CssSelector("p.notice")).Count > 0);
        Assert.Contains("مع موظف", browser.Driver.FindElement(By.Id("case-status")).Text);
        Assert.Contains("sara", browser.Driver.FindElement(By.Id("claimed-by")).Text);

        browser.Fill("reply-text", "أهلاً، معك سارة من الجمعية. كيف أساعدك؟");
        browser.ClickToNextPage(By.Id("send-reply"));
        var notice = browser.Wait.Until(d => d.FindElements(By.CssSelector("p.notice")).FirstOrDefault())!;
        Assert.Contains("أُرسل الرد", notice.Text);
        Assert.Contains("أهلاً، معك سارة من الجمعية", browser.Driver.FindElement(By.Id("transcript")).Text);
        Assert.True(browser.FitsTheScreenWidth(), "The case page must fit a 390 px phone.");
        Assert.Empty(browser.ScriptErrors());
        browser.Driver.GetScreenshot().SaveAsFile("/tmp/staff-case.png");

        await service.WaitUntilIdleAsync();
        var history = Regex.Unescape(WebUtility.HtmlDecode(await visitor.GetStringAsync("chat/history", Ct)));
        Assert.Contains("sara — جمعية تمكين:\nأهلاً، معك سارة من الجمعية. كيف أساعدك؟", history);

        // The case page shows the reply with its delivery state once sent.
        browser.Driver.Navigate().Refresh();
        var staffLine = browser.Wait.Until(d => d.FindElements(By.CssSelector("#transcript li.staff")).FirstOrDefault())!;
        Assert.Contains("الموظف sara", staffLine.Text);
        Assert.Contains("أُرسل", staffLine.Text);
    }
}
