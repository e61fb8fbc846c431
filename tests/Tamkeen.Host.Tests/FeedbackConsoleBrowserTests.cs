using System.Text.RegularExpressions;
using OpenQA.Selenium;
using Tamkeen.Host.Staff;

namespace Tamkeen.Host.Tests;

/// <summary>A complaint from the website chat handled in the staff console, both in real browsers (headless Chromium on a phone).</summary>
public partial class FeedbackConsoleBrowserTests
{
    private const string Complaint = "الموظف في الاستقبال لم يشرح لي خطوات التسجيل بوضوح";
    private const string Note = "تحدثت مع مشرف الاستقبال";
    private const string Reply = "شكراً لملاحظتك، نبّهنا فريق الاستقبال وسنتصل بك لشرح الخطوات";

    [Fact]
    public async Task A_visitors_complaint_is_opened_marked_in_progress_assigned_noted_and_answered_and_the_visitor_sees_only_the_reply()
    {
        await using var service = await RunningService.StartAsync();
        await StaffConsole.CreateAccountAsync(service, "sara", StaffRoles.Staff);
        using var chat = WebChatBrowserTests.ChatPage.Open(service.BaseAddress);
        var menu = chat.WaitForMenu();
        var kinds = chat.Reply(() => WebChatBrowserTests.ChatPage.Press(menu, "5"));
        var write = chat.Reply(() => WebChatBrowserTests.ChatPage.Press(kinds, "2"));
        Assert.Contains("الشكوى", write.Text);
        var thanks = chat.Reply(() => chat.Type(Complaint));
        var reference = Regex.Match(thanks.Text, @"CMP-\d{4}-\d{5}").Value;
        Assert.NotEmpty(reference);
        await service.WaitUntilIdleAsync();

        using var staff = Browser.Open(new Uri(service.BaseAddress, $"staff/feedback/{reference}"));
        staff.Wait.Until(d => d.FindElements(By.Id("username")).Count > 0);
        Assert.Contains("/staff/signin", staff.Driver.Url);
        staff.Fill("username", "sara");
        staff.Fill("password", StaffConsole.Password);
        staff.ClickToNextPage(By.CssSelector("button[type=submit]"));
        Assert.EndsWith($"/staff/feedback/{reference}", staff.Driver.Url);

        staff.Driver.Navigate().GoToUrl(new Uri(service.BaseAddress, "staff/"));
        var row = staff.Wait.Until(d => d.FindElements(By.CssSelector($"tr[data-reference='{reference}']")).FirstOrDefault());
        Assert.Contains(Complaint, row!.Text);
        Assert.Contains("جديد", row.Text);
        Assert.True(staff.FitsTheScreenWidth(), "The list must fit a 390 px phone.");
        staff.ClickToNextPage(By.CssSelector($"tr[data-reference='{reference}'] a"));
        Assert.EndsWith($"/staff/feedback/{reference}", staff.Driver.Url);

        staff.Driver.FindElement(By.CssSelector("#status option[value=InProgress]")).Click();
        staff.ClickToNextPage(By.Id("save-status"));
        Assert.Equal("قيد المعالجة", staff.Driver.FindElement(By.Id("current-status")).Text);
        staff.ClickToNextPage(By.Id("assign-me"));
        Assert.Equal("sara", staff.Driver.FindElement(By.Id("current-assignee")).Text);
        staff.Fill("note", Note);
        staff.ClickToNextPage(By.Id("save-note"));
        staff.Fill("reply", Reply);
        staff.ClickToNextPage(By.Id("send-reply"));
        var sent = staff.Driver.FindElement(By.CssSelector("p.sent")).Text;
        Assert.Contains(Reply, sent);
        Assert.Contains(reference, sent);
        Assert.True(staff.FitsTheScreenWidth(), "The item's page must fit a 390 px phone.");
        staff.Driver.GetScreenshot().SaveAsFile("/tmp/staff-feedback-item.png");

        var line = chat.Browser.Wait.Until(_ => chat.BotLines.FirstOrDefault(l => l.Text.Contains(Reply, StringComparison.Ordinal)));
        Assert.Contains(reference, line!.Text);
        Assert.DoesNotContain(Note, chat.Browser.Driver.PageSource);
        chat.Browser.Driver.Navigate().Refresh();
        chat.Browser.Wait.Until(_ => chat.BotLines.Any(l => l.Text.Contains(Reply, StringComparison.Ordinal)));
        Assert.DoesNotContain(Note, chat.Browser.Driver.PageSource);

        staff.Driver.Navigate().GoToUrl(new Uri(service.BaseAddress, "staff/"));
        row = staff.Wait.Until(d => d.FindElements(By.CssSelector($"tr[data-reference='{reference}']")).FirstOrDefault());
        Assert.Contains("قيد المعالجة", row!.FindElement(By.CssSelector("td.status")).Text);
        Assert.Contains("sara", row.FindElement(By.CssSelector("td.assignee")).Text);
        Assert.Empty(staff.ScriptErrors());
        Assert.Empty(chat.ScriptErrors());
        staff.Driver.GetScreenshot().SaveAsFile("/tmp/staff-feedback-list.png");
    }
}
