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

    private static (string? Lang, string? Dir) Document(Browser browser)
    {
        var html = browser.Driver.FindElement(By.TagName("html"));
        return (html.GetAttribute("lang"), html.GetAttribute("dir"));
    }

    /// <summary>The list's first row, whole: part of it is scrolled out of view inside its box on a phone.</summary>
    private static string Row(Browser browser) => browser.Driver.FindElement(By.CssSelector("table.requests tbody tr")).GetDomProperty("textContent")!;

    private static string Heading(Browser browser) => browser.Driver.FindElement(By.TagName("h1")).Text;
}
