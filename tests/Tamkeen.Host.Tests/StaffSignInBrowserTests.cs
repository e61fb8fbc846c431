using System.Text.RegularExpressions;
using OpenQA.Selenium;
using Tamkeen.Host.Staff;

namespace Tamkeen.Host.Tests;

/// <summary>Signing in to the staff console in a real browser (headless Chromium), under the service's Content-Security-Policy.</summary>
public partial class StaffSignInBrowserTests
{
    [Fact]
    public async Task The_first_admin_signs_in_with_the_logged_password_changes_it_and_sees_the_console()
    {
        var logs = new CapturedLogs();
        await using var service = await RunningService.StartAsync(services: logs.Register);
        var password = OneTimePassword().Match(logs.Lines.Single(l => l.Contains("one-time password", StringComparison.Ordinal))).Groups[1].Value;
        using var browser = Browser.Open(new Uri(service.BaseAddress, "staff/"));

        SignIn(browser, FirstAdmin.Name, password);
        browser.Wait.Until(d => d.Url.EndsWith("/staff/password", StringComparison.Ordinal));
        Assert.Contains("كلمة المرور الحالية مؤقتة", browser.Driver.PageSource);
        browser.Fill("current", password);
        browser.Fill("new", "short");
        browser.Fill("confirm", "short");
        browser.ClickToNextPage(By.CssSelector("button[type=submit]"));
        browser.Wait.Until(d => d.FindElements(By.CssSelector("p.error")).Count > 0);
        Assert.Contains("١٢ حرفاً على الأقل", browser.Driver.FindElement(By.CssSelector("p.error")).Text);

        browser.Fill("current", password);
        browser.Fill("new", "قصر الحمراء في بريدة");
        browser.Fill("confirm", "قصر الحمراء في بريدة");
        browser.ClickToNextPage(By.CssSelector("button[type=submit]"));

        browser.Wait.Until(d => d.FindElements(By.TagName("h1")).Any(h => h.Text == "الاقتراحات والشكاوى"));
        Assert.EndsWith("/staff/", browser.Driver.Url);
        Assert.Empty(browser.ScriptErrors());
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_and_then_the_right_one_is_refused_in_arabic()
    {
        await using var service = await RunningService.StartAsync();
        await StaffConsole.CreateAccountAsync(service, "sara", StaffRoles.Staff);
        using var browser = Browser.Open(new Uri(service.BaseAddress, "staff/signin"));

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            SignIn(browser, "sara", $"wrong password number {attempt}");
            browser.Wait.Until(d => d.FindElements(By.CssSelector("p.error")).Count > 0);
        }
        SignIn(browser, "sara", StaffConsole.Password);

        var error = browser.Wait.Until(d => d.FindElements(By.CssSelector("p.error")).FirstOrDefault());
        Assert.StartsWith("الحساب مقفل مؤقتاً", error!.Text);
        Assert.EndsWith("/staff/signin", browser.Driver.Url);
        Assert.Equal("16px", browser.Script("return getComputedStyle(document.body).marginTop;"));
        Assert.Empty(browser.ScriptErrors());
    }

    [Fact]
    public async Task A_signed_out_browser_opening_the_console_lands_on_the_sign_in_page_and_a_form_without_its_token_is_refused()
    {
        await using var service = await RunningService.StartAsync();
        await StaffConsole.CreateAccountAsync(service, "sara", StaffRoles.Staff);
        using var browser = Browser.Open(new Uri(service.BaseAddress, "staff/"));

        browser.Wait.Until(d => d.FindElements(By.Id("username")).Count > 0);
        Assert.Contains("/staff/signin", browser.Driver.Url);
        Assert.Equal("rtl", browser.Script("return document.documentElement.dir;"));

        browser.Script("document.querySelector('input[name=__RequestVerificationToken]').remove();");
        SignIn(browser, "sara", StaffConsole.Password);
        browser.Wait.Until(d => d.FindElements(By.Id("username")).Count == 0);
        // The browser shows its own page for the empty 400 answer.
        Assert.Contains("400", browser.Driver.PageSource, StringComparison.Ordinal);

        browser.Driver.Navigate().GoToUrl(new Uri(service.BaseAddress, "staff/"));
        browser.Wait.Until(d => d.FindElements(By.Id("username")).Count > 0);
        SignIn(browser, "sara", StaffConsole.Password);
        browser.Wait.Until(d => d.FindElements(By.TagName("h1")).Any(h => h.Text == "الاقتراحات والشكاوى"));

        browser.Driver.FindElement(By.CssSelector("nav.console a[href='/staff/password']")).Click();
        browser.Wait.Until(d => d.FindElements(By.CssSelector("button.secondary")).Count > 0).ToString();
        browser.Driver.FindElement(By.CssSelector("button.secondary")).Click();
        browser.Wait.Until(d => d.FindElements(By.Id("username")).Count > 0);
        browser.Driver.Navigate().GoToUrl(new Uri(service.BaseAddress, "staff/"));
        browser.Wait.Until(d => d.FindElements(By.Id("username")).Count > 0);
        Assert.Empty(browser.ScriptErrors());
    }

    [Fact]
    public async Task A_staff_account_is_offered_neither_the_accounts_nor_the_audit_page_and_is_told_so_when_it_opens_one()
    {
        await using var service = await RunningService.StartAsync();
        await StaffConsole.CreateAccountAsync(service, "sara", StaffRoles.Staff);
        using var browser = Browser.Open(new Uri(service.BaseAddress, "staff/"));
        SignIn(browser, "sara", StaffConsole.Password);
        browser.Wait.Until(d => d.FindElements(By.CssSelector("nav.console")).Count > 0);
        Assert.Empty(browser.Driver.FindElements(By.CssSelector("nav.console a[href='/staff/accounts'], nav.console a[href='/staff/audit']")));

        foreach (var page in new[] { "staff/accounts", "staff/audit" })
        {
            browser.Driver.Navigate().GoToUrl(new Uri(service.BaseAddress, page));
            var heading = browser.Wait.Until(d => d.FindElements(By.TagName("h1")).FirstOrDefault(h => h.Text.Length > 0))!;
            Assert.Equal("لا تملك صلاحية فتح هذه الصفحة", heading.Text);
        }
        Assert.Empty(browser.ScriptErrors());
    }

    private static void SignIn(Browser browser, string name, string password)
    {
        browser.Wait.Until(d => d.FindElements(By.Id("username")).Count > 0);
        browser.Fill("username", name);
        browser.Fill("password", password);
        browser.ClickToNextPage(By.CssSelector("button[type=submit]"));
    }

    [GeneratedRegex("password ([A-Za-z0-9]{16})")]
    private static partial Regex OneTimePassword();
}
