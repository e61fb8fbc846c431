using System.Net;
using OpenQA.Selenium;
using Tamkeen.Host.Channels.WebChat;
using Tamkeen.Host.Staff;

namespace Tamkeen.Host.Tests;

/// <summary>The requests part of the staff console in a real browser (headless Chromium on a phone), under the service's policy.</summary>
public class StaffRequestConsoleBrowserTests
{
    [Fact]
    public async Task Staff_find_a_request_by_its_reference_ask_for_information_and_the_person_sees_the_message_but_not_the_note()
    {
        await using var service = await RunningService.StartAsync();
        var cookies = new CookieContainer();
        using var visitor = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = service.BaseAddress };
        var reference = await StaffRequestConsoleTests.SubmitThroughTheChatAsync(service, visitor);
        await StaffConsole.CreateAccountAsync(service, "sara", StaffRoles.Staff);
        using var browser = Browser.Open(new Uri(service.BaseAddress, "staff/requests"));

        // Signed out, the list is behind the sign-in page, which comes back to it.
        browser.Wait.Until(d => d.FindElements(By.Id("username")).Count > 0);
        browser.Fill("username", "sara");
        browser.Fill("password", StaffConsole.Password);
        browser.ClickToNextPage(By.CssSelector("button[type=submit]"));
        browser.Wait.Until(d => d.FindElements(By.Id("q")).Count > 0);
        Assert.EndsWith("/staff/requests", browser.Driver.Url);

        browser.Fill("q", reference);
        browser.ClickToNextPage(By.CssSelector("form.filters button[type=submit]"));
        var rows = browser.Wait.Until(d => d.FindElements(By.CssSelector("table.requests tbody tr")) is { Count: > 0 } found ? found : null)!;
        Assert.Single(rows);
        Assert.Contains("+9665*****567", rows[0].GetDomProperty("textContent")); // partly scrolled out of view inside its box
        Assert.DoesNotContain(StaffRequestConsoleTests.NationalId, browser.Driver.PageSource);
        Assert.True(browser.FitsTheScreenWidth(), "The list must scroll inside its box, not widen a 390 px page.");
        browser.Driver.GetScreenshot().SaveAsFile("/tmp/staff-requests.png");

        browser.ClickToNextPage(By.LinkText(reference));
        browser.Wait.Until(d => d.FindElements(By.Id("new-status")).Count > 0);
        Assert.Contains("مُستلَم", browser.Driver.FindElement(By.Id("status")).Text);
        Assert.Contains("المتبقي على موعد الرد", browser.Driver.FindElement(By.Id("promise")).Text);
        Assert.True(browser.FitsTheScreenWidth(), "The request page must fit a 390 px phone.");
        Assert.Equal("ltr", browser.Script("return getComputedStyle(document.getElementById('mobile')).direction;"));
        // Laid out left to right: the "+" is the leftmost character of the masked number.
        Assert.Equal(true, browser.Script("""
            const bdi = document.getElementById('mobile'), range = document.createRange();
            range.setStart(bdi.firstChild, 0); range.setEnd(bdi.firstChild, 1);
            return Math.abs(range.getBoundingClientRect().left - bdi.getBoundingClientRect().left) < 2;
            """));
        var options = browser.Driver.FindElements(By.CssSelector("#new-status option")).Select(o => o.GetAttribute("value")).ToList();
        Assert.DoesNotContain("Approved", options);
        Assert.DoesNotContain("Rejected", options);

        browser.Driver.FindElement(By.CssSelector("#new-status option[value=NeedsInformation]")).Click();
        browser.Fill("note", "راجعنا السجل المدني داخلياً");
        browser.Fill("message", "نرجو إرسال صورة عقد الإيجار");
        browser.ClickToNextPage(By.Id("change"));
        var notice = browser.Wait.Until(d => d.FindElements(By.CssSelector("p.notice")).FirstOrDefault())!;
        Assert.Contains("بحاجة إلى معلومات إضافية", notice.Text);
        Assert.Contains("بحاجة إلى معلومات إضافية", browser.Driver.FindElement(By.Id("status")).Text);
        var history = browser.Driver.FindElement(By.CssSelector("ol.history")).Text;
        Assert.Contains("راجعنا السجل المدني داخلياً", history);
        Assert.Contains("نرجو إرسال صورة عقد الإيجار", history);
        Assert.Contains("sara", history);
        browser.Driver.GetScreenshot().SaveAsFile("/tmp/staff-request.png");
        Assert.Empty(browser.ScriptErrors());

        await service.WaitUntilIdleAsync();
        // The person opens the website chat in their own browser, with the session they submitted the request in.
        using var person = Browser.Open(new Uri(service.BaseAddress, "staff.css"));
        person.Driver.Manage().Cookies.AddCookie(new OpenQA.Selenium.Cookie(WebChatSession.CookieName, cookies.GetCookies(service.BaseAddress)[WebChatSession.CookieName]!.Value, "/"));
        person.Driver.Navigate().GoToUrl(service.BaseAddress);
        var told = person.Wait.Until(d => d.FindElements(By.CssSelector("#log .line.bot")).LastOrDefault(l => l.Text.Contains(reference)))!.Text;
        Assert.Contains($"تغيّرت حالة طلبك {reference}", told);
        Assert.Contains("نرجو إرسال صورة عقد الإيجار", told);
        Assert.DoesNotContain("راجعنا السجل المدني", person.Driver.PageSource);
        Assert.Empty(person.ScriptErrors());
    }

    [Fact]
    public async Task A_signed_out_browser_opening_a_request_or_its_attachment_lands_on_the_sign_in_page()
    {
        await using var service = await RunningService.StartAsync();
        using var visitor = service.NewVisitor();
        var reference = await StaffRequestConsoleTests.SubmitThroughTheChatAsync(service, visitor);
        using var browser = Browser.Open(new Uri(service.BaseAddress, $"staff/requests/{reference}"));
        foreach (var page in new[] { $"staff/requests/{reference}", $"staff/requests/{reference}/attachments/0", "staff/requests" })
        {
            browser.Driver.Navigate().GoToUrl(new Uri(service.BaseAddress, page));
            browser.Wait.Until(d => d.FindElements(By.Id("username")).Count > 0);
            Assert.Contains("/staff/signin", browser.Driver.Url);
            Assert.DoesNotContain(reference, browser.Driver.FindElement(By.TagName("main")).Text);
        }
        Assert.True(browser.FitsTheScreenWidth());
        Assert.Empty(browser.ScriptErrors());
    }
}
