using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using OpenQA.Selenium;
using Tamkeen.Host.Staff;

namespace Tamkeen.Host.Tests;

/// <summary>The console's English switch in a real browser (headless Chromium on a phone): the choice holds across pages until switched back.</summary>
public class StaffConsoleLanguageBrowserTests
{
    [Fact]
    public async Task Staff_switch_the_console_to_English_keep_it_on_the_next_page_and_switch_back_to_Arabic()
    {
        await using var service = await RunningService.StartAsync();
        using var visitor = service.NewVisitor();
        var reference = await StaffRequestConsoleTests.SubmitThroughTheChatAsync(service, visitor);
        await StaffConsole.CreateAccountAsync(service, "sara", StaffRoles.Staff);
        using var browser = Browser.Open(new Uri(service.BaseAddress, "staff/requests"));

        browser.Wait.Until(d => d.FindElements(By.Id("username")).Count > 0);
        Assert.Equal(("ar", "rtl"), Document(browser));
        Assert.Equal("English", browser.Driver.FindElement(By.Id("language")).Text);
        browser.Fill("username", "sara");
        browser.Fill("password", StaffConsole.Password);
        browser.ClickToNextPage(By.CssSelector("button[type=submit]"));
        browser.Wait.Until(d => d.FindElements(By.Id("q")).Count > 0);
        Assert.Equal("الطلبات", Heading(browser));

        browser.ClickToNextPage(By.Id("language"));
        Assert.EndsWith("/staff/requests", browser.Driver.Url);
        Assert.Equal(("en", "ltr"), Document(browser));
        Assert.Equal("Requests", Heading(browser));
        Assert.Equal("ltr", browser.Script("return getComputedStyle(document.body).direction;"));
        var row = Row(browser);
        Assert.Contains(reference, row);
        Assert.Contains(" AH", row); // the Hijri date, in English
        Assert.Contains("Total 1 — page 1 of 1", browser.Driver.FindElement(By.CssSelector("nav.pager")).Text);
        Assert.Equal("العربية", browser.Driver.FindElement(By.Id("language")).Text);
        Assert.True(browser.FitsTheScreenWidth(), "The English list must fit a 390 px phone too.");
        browser.Driver.GetScreenshot().SaveAsFile("/tmp/staff-requests-english.png");

        browser.ClickToNextPage(By.CssSelector("nav.console a[href='/staff/']"));
        Assert.Equal(("en", "ltr"), Document(browser));
        Assert.Equal("Suggestions and complaints", Heading(browser));
        Assert.Equal("No suggestions or complaints yet.", browser.Driver.FindElement(By.CssSelector("main p")).Text);

        browser.ClickToNextPage(By.Id("language"));
        Assert.Equal(("ar", "rtl"), Document(browser));
        Assert.Equal("الاقتراحات والشكاوى", Heading(browser));
        browser.ClickToNextPage(By.CssSelector("nav.console a[href='/staff/requests']"));
        Assert.Equal(("ar", "rtl"), Document(browser));
        Assert.Contains("هـ", Row(browser));
        Assert.Empty(browser.ScriptErrors());
    }

    [Fact]
    public async Task In_English_a_new_case_appears_live_in_English_and_its_page_claims_it_in_English_left_to_right()
    {
        // Wednesday 10:00 in Riyadh: working hours.
        await using var service = await RunningService.StartAsync(time: WebChatCases.WorkingHours());
        await StaffConsole.CreateAccountAsync(service, "sara", StaffRoles.Staff);
        using var browser = Browser.Open(new Uri(service.BaseAddress, "staff/cases"));
        browser.Wait.Until(d => d.FindElements(By.Id("username")).Count > 0);
        browser.ClickToNextPage(By.Id("language"));
        browser.Fill("username", "sara");
        browser.Fill("password", StaffConsole.Password);
        browser.ClickToNextPage(By.CssSelector("button[type=submit]"));
        browser.Wait.Until(d => d.FindElements(By.Id("case-queue")).Count > 0);
        Assert.Equal(("en", "ltr"), Document(browser));
        Assert.Equal("Cases", Heading(browser));
        Assert.Equal("No cases match.", browser.Driver.FindElement(By.Id("case-queue")).Text);
        browser.Wait.Until(d => browser.Script("return document.getElementById('case-queue').dataset.listening;") is "true");
        browser.Script("window.sameDocument = true;");

        using var visitor = service.NewVisitor();
        await visitor.SendAsync("مرحبا");
        await visitor.SendAsync("موظف");
        await service.WaitUntilIdleAsync();
        string reference;
        await using (var db = service.OpenDatabase()) reference = (await db.Cases.SingleAsync(TestContext.Current.CancellationToken)).Reference;

        // The table the script fetched is English too: it reads the same cookie.
        var row = browser.Wait.Until(d => d.FindElements(By.CssSelector($"#case-queue tr[data-reference='{reference}']")).FirstOrDefault())!;
        Assert.Equal(true, browser.Script("return window.sameDocument === true;"));
        var line = row.GetDomProperty("textContent")!;
        Assert.Contains("Waiting for staff", line);
        Assert.Contains("Asked to talk to a member of staff", line);
        Assert.Contains("Website chat", line);
        Assert.Contains("Reason", browser.Driver.FindElement(By.CssSelector("#case-queue thead")).GetDomProperty("textContent"));
        Assert.Equal("ltr", browser.Script("return getComputedStyle(document.querySelector('#case-queue table')).direction;"));
        Assert.True(browser.FitsTheScreenWidth(), "The English queue must fit a 390 px phone too.");

        browser.ClickToNextPage(By.LinkText(reference));
        var claim = browser.Wait.Until(d => d.FindElements(By.Id("claim")).FirstOrDefault())!;
        Assert.Equal(("en", "ltr"), Document(browser));
        Assert.Equal($"Case {reference}", Heading(browser));
        Assert.Equal("Claim", claim.Text);
        browser.ClickToNextPage(By.Id("claim"));
        var notice = browser.Wait.Until(d => d.FindElements(By.CssSelector("p.notice")).FirstOrDefault())!;
        Assert.Equal("You claimed the case: you are the one answering the beneficiary now.", notice.Text);
        Assert.Equal("With staff", browser.Driver.FindElement(By.Id("case-status")).Text);
        Assert.Equal("Send the reply", browser.Driver.FindElement(By.Id("send-reply")).Text);
        Assert.Contains("Claimed by staff — sara", browser.Driver.FindElement(By.Id("timeline")).Text);
        Assert.True(browser.FitsTheScreenWidth(), "The English case page must fit a 390 px phone.");
        browser.Driver.GetScreenshot().SaveAsFile("/tmp/staff-case-english.png");
        Assert.Empty(browser.ScriptErrors());
    }

    private static (string? Lang, string? Dir) Document(Browser browser)
    {
        var html = browser.Driver.FindElement(By.TagName("html"));
        return (html.GetAttribute("lang"), html.GetAttribute("dir"));
    }

    /// <summary>The list's first row, whole: part of it is scrolled out of view inside its box on a phone.</summary>
    private static string Row(Browser browser) => browser.Driver.FindElement(By.CssSelector("table.requests tbody tr")).GetDomProperty("textContent")!;

    private static string Heading(Browser browser) => browser.Driver.FindElement(By.TagName("h1")).Text;
}
