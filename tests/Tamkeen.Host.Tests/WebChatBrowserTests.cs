using System.Collections.ObjectModel;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OpenQA.Selenium;
using Tamkeen.Core.Feedback;

namespace Tamkeen.Host.Tests;

/// <summary>The website chat as a visitor uses it: a real page in headless Chromium on a phone, against the real service.</summary>
public class WebChatBrowserTests
{
    private const string Suggestion = "نقترح تمديد ساعات الدوام مساء الخميس لتسهيل زيارة الأسر العاملة";

    [Fact]
    public async Task Visitor_sends_a_suggestion_and_sees_its_reference_number()
    {
        await using var service = await RunningService.StartAsync();
        using var page = ChatPage.Open(service.BaseAddress);

        Assert.Equal("rtl", page.Html.GetDomAttribute("dir"));
        Assert.Equal("ar", page.Html.GetDomAttribute("lang"));
        var menu = page.WaitForMenu();
        Assert.Contains("مرحباً بك في جمعية تمكين الأسرة بالقصيم", page.BotLines[0].Text);

        var thanks = SendSuggestion(page, menu, Suggestion);

        var reference = Regex.Match(thanks.Text, @"ورقمه المرجعي \u2066(SUG-\d{4}-\d{5})\u2069").Groups[1].Value;
        await using var db = service.OpenDatabase();
        var stored = await db.Feedback.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(stored.Reference, reference);
        Assert.Equal(Suggestion, stored.Text);
        Assert.Equal(FeedbackKind.Suggestion, stored.Kind);

        Assert.Equal(Browser.PhoneWidth, Convert.ToInt32(page.Browser.Script("return window.innerWidth;"), CultureInfo.InvariantCulture));
        Assert.True(page.FitsTheScreenWidth(), "The chat must fit a 390 px wide phone without sideways scrolling.");
        Assert.Empty(page.ScriptErrors());
        page.Browser.Driver.GetScreenshot().SaveAsFile("/tmp/webchat.png");
    }

    [Fact]
    public async Task Returning_visitor_sees_the_whole_conversation_once_and_can_carry_on()
    {
        await using var service = await RunningService.StartAsync();
        using var page = ChatPage.Open(service.BaseAddress);
        var thanks = SendSuggestion(page, page.WaitForMenu(), Suggestion).Text;
        var botIds = page.BotLines.Select(l => l.GetDomAttribute("data-id")).ToList();
        var myTexts = page.MyLines.Select(l => l.Text).ToList();
        await service.WaitUntilIdleAsync(); // every reply is stored as sent before the visitor comes back

        page.Browser.Driver.Navigate().Refresh();

        page.Browser.Wait.Until(_ => page.BotLines.Count >= botIds.Count);
        Assert.Equal(botIds, page.BotLines.Select(l => l.GetDomAttribute("data-id")));
        Assert.Equal(myTexts, page.MyLines.Select(l => l.Text));
        Assert.Equal(thanks, page.BotLines[^1].Text);

        var reply = page.Reply(() => ChatPage.Press(page.LastMenu(), "1"));
        Assert.Contains("اكتب سؤالك عن خدمات الجمعية بكلماتك", reply.Text);
        var ids = page.BotLines.Select(l => l.GetDomAttribute("data-id")).ToList();
        Assert.Equal(ids.Distinct(), ids);
        Assert.Equal(botIds.Count + 1, ids.Count);
    }

    [Fact]
    public async Task Visitor_asks_a_question_says_it_did_not_help_and_a_second_miss_goes_to_staff()
    {
        await using var service = await RunningService.StartAsync();
        using var page = ChatPage.Open(service.BaseAddress);
        var menu = page.WaitForMenu();
        var prompt = page.Reply(() => ChatPage.Press(menu, "1"));
        Assert.Contains("اكتب سؤالك", prompt.Text);

        var answer = page.Reply(() => page.Type("وش الاوراق المطلوبه للتسجيل؟"));
        Assert.Contains("الهوية الوطنية", answer.Text);
        Assert.Contains("هل أفادتك هذه الإجابة؟", answer.Text);
        var sorry = page.Reply(() => ChatPage.Press(answer, "2"));
        Assert.Contains("نعتذر لأن الإجابة لم تكن كافية", sorry.Text);

        // The second question in a row the guide cannot answer goes to staff by itself.
        var notSure = page.Reply(() => page.Type("كم سعر الذهب اليوم"));
        Assert.Contains("لست متأكداً من الإجابة عن سؤالك", notSure.Text);
        Assert.Contains("وصلت رسالتك إلى موظفي الجمعية", notSure.Text);
        Assert.True(page.FitsTheScreenWidth(), "Answers must wrap on a phone.");
        Assert.Empty(page.ScriptErrors());

        await using var db = service.OpenDatabase();
        Assert.Equal(2, await db.UnansweredQuestions.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Visitor_submits_a_food_basket_request_with_buttons_and_typing_and_sees_its_reference()
    {
        await using var service = await RunningService.StartAsync();
        using var page = ChatPage.Open(service.BaseAddress);
        var menu = page.WaitForMenu();
        var services = page.Reply(() => ChatPage.Press(menu, "2"));
        Assert.Contains("سلة غذائية", services.Text);

        page.Reply(() => ChatPage.Press(services, "2"));
        page.Reply(() => page.Type("نورة عبدالرحمن"));
        var wrongId = page.Reply(() => page.Type("١٠١٢٣٤٥٦٧٨"));
        Assert.Contains("في أحد أرقامه", wrongId.Text);
        page.Reply(() => page.Type("١٠١٢٣٤٥٦٧٢"));
        var city = page.Reply(() => page.Type("0551234567"));
        var familySize = page.Reply(() => ChatPage.Press(city, "2"));   // Unaizah, from the list
        var description = page.Reply(() => page.Type("٧"));
        var summary = page.Reply(() => ChatPage.Press(description, "skip"));
        Assert.Contains("عنيزة", summary.Text);
        Assert.DoesNotContain("1012345672", summary.Text);

        var submitted = page.Reply(() => ChatPage.Press(summary, "1"));
        var reference = Regex.Match(submitted.Text, @"TMK-\d{4}-\d{5}").Value;
        Assert.NotEmpty(reference);
        Assert.Contains("هـ", submitted.Text);
        await using var db = service.OpenDatabase();
        Assert.Equal(reference, (await db.ServiceRequests.SingleAsync(TestContext.Current.CancellationToken)).Reference);
        Assert.True(page.FitsTheScreenWidth(), "The service and city lists must fit a phone.");
        Assert.Empty(page.ScriptErrors());
        page.Browser.Driver.GetScreenshot().SaveAsFile("/tmp/webchat-request.png");
    }

    [Fact]
    public async Task Visitor_switches_the_page_and_the_bot_to_English()
    {
        await using var service = await RunningService.StartAsync();
        using var page = ChatPage.Open(service.BaseAddress);
        page.WaitForMenu();

        var reply = page.Reply(() => page.Browser.Driver.FindElement(By.Id("language")).Click());

        Assert.StartsWith("Switched to English.", reply.Text);
        Assert.Equal("ltr", page.Html.GetDomAttribute("dir"));
        Assert.Equal("en", page.Html.GetDomAttribute("lang"));
        Assert.Equal("Send", page.Browser.Driver.FindElement(By.Id("send")).Text);

        page.Browser.Driver.Navigate().Refresh();
        page.Browser.Wait.Until(_ => page.Html.GetDomAttribute("lang") == "en" && page.BotLines.Count > 0);
        Assert.Equal("ltr", page.Html.GetDomAttribute("dir"));
    }

    [Fact]
    public async Task Visitor_sending_an_over_long_message_is_told_the_limit_and_can_carry_on()
    {
        await using var service = await RunningService.StartAsync();
        using var page = ChatPage.Open(service.BaseAddress);
        page.WaitForMenu();

        var reply = page.Reply(() => page.Type(new string('ط', 2_100)));

        Assert.Contains("رسالتك أطول من الحد المسموح به (2,000 حرف)", reply.Text);
        Assert.True(page.FitsTheScreenWidth(), "A long unbroken message must wrap, not widen the page.");
        var next = page.Reply(() => ChatPage.Press(page.LastMenu(), "5"));
        Assert.Contains("هل المطلوب تقديم اقتراح أم شكوى؟", next.Text);
        Assert.Empty(page.ScriptErrors());
    }

    [Fact]
    public async Task Visitor_sending_only_spaces_adds_nothing()
    {
        await using var service = await RunningService.StartAsync();
        using var page = ChatPage.Open(service.BaseAddress);
        page.WaitForMenu();

        page.Type("     ");
        // Then a real message: once it and its answer are shown, the blank one had every chance to show up too.
        page.Reply(() => page.Type("القائمة"));

        Assert.Equal(new[] { "مرحبا", "القائمة" }, page.MyLines.Select(l => l.Text));
        await using var db = service.OpenDatabase();
        Assert.Equal(2, await db.Inbox.CountAsync(TestContext.Current.CancellationToken)); // the greeting and «القائمة»
    }

    [Fact]
    public async Task Visitor_sending_faster_than_the_limit_is_told_and_the_message_goes_by_itself_a_moment_later()
    {
        // The greeting takes the one message of the burst; the next comes three seconds later.
        await using var service = await RunningService.StartAsync(settings: ["--WebChat:MessagesBurst=1", "--WebChat:MessagesPerMinute=20"]);
        using var page = ChatPage.Open(service.BaseAddress);
        var menu = page.WaitForMenu();

        var reply = page.Reply(() =>
        {
            ChatPage.Press(menu, "5");
            page.Browser.Wait.Until(_ => page.Notice.Displayed && page.Notice.Text.Contains("ستُرسل رسالتك تلقائياً بعد لحظات"));
        });

        Assert.Contains("هل المطلوب تقديم اقتراح أم شكوى؟", reply.Text);
        Assert.False(page.Notice.Displayed);
        Assert.Empty(page.ScriptErrors());
        await using var db = service.OpenDatabase();
        Assert.Equal(2, await db.Inbox.CountAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>Menu → 5 (suggestion or complaint) → 1 (suggestion) → types it; returns the bot's thanks.</summary>
    private static IWebElement SendSuggestion(ChatPage page, IWebElement menu, string text)
    {
        var kinds = page.Reply(() => ChatPage.Press(menu, "5"));
        Assert.Contains("هل المطلوب تقديم اقتراح أم شكوى؟", kinds.Text);
        var write = page.Reply(() => ChatPage.Press(kinds, "1"));
        Assert.Contains("يرجى كتابة الاقتراح", write.Text);
        var thanks = page.Reply(() => page.Type(text));
        Assert.Contains("شكراً لك، استلمنا الاقتراح ورقمه المرجعي", thanks.Text);
        return thanks;
    }

    /// <summary>The chat page's parts, found the way a visitor sees them.</summary>
    internal sealed class ChatPage(Browser browser) : IDisposable
    {
        public Browser Browser { get; } = browser;

        public static ChatPage Open(Uri address) => new(Browser.Open(address));

        public IWebElement Html => Browser.Driver.FindElement(By.TagName("html"));
        public ReadOnlyCollection<IWebElement> BotLines => Browser.Driver.FindElements(By.CssSelector("#log .line.bot"));
        public ReadOnlyCollection<IWebElement> MyLines => Browser.Driver.FindElements(By.CssSelector("#log .line.me"));
        public IWebElement Notice => Browser.Driver.FindElement(By.Id("notice"));

        /// <summary>The newest bot line that offers the main menu (its button 5).</summary>
        public IWebElement LastMenu() => BotLines.Last(l => l.FindElements(MenuButton("5")).Count > 0);

        public IWebElement WaitForMenu() => Browser.Wait.Until(_ => BotLines.LastOrDefault(l => l.FindElements(MenuButton("5")).Count > 0));

        /// <summary>
        /// Sends something, waits until it shows as the visitor's line and the bot's answer (each message gets exactly
        /// one) has arrived, and returns that answer. The answer can come over the event stream before the visitor's
        /// own line, which the page adds when the post returns, so both are waited for.
        /// </summary>
        public IWebElement Reply(Action send)
        {
            var (mine, bots) = (MyLines.Count, BotLines.Count);
            send();
            return Browser.Wait.Until(_ => MyLines.Count > mine && BotLines is var lines && lines.Count > bots ? lines[bots] : null);
        }

        public static void Press(IWebElement line, string payload) => line.FindElement(MenuButton(payload)).Click();

        public void Type(string text)
        {
            var box = Browser.Driver.FindElement(By.Id("text"));
            box.Clear();
            // Long texts are pasted rather than typed key by key, which takes chromedriver far too long on 2 busy cores.
            if (text.Length > 100) Browser.Driver.ExecuteScript("arguments[0].value = arguments[1];", box, text);
            else box.SendKeys(text);
            Browser.Driver.FindElement(By.Id("send")).Click();
        }

        public bool FitsTheScreenWidth() => Browser.FitsTheScreenWidth();

        public IReadOnlyList<string> ScriptErrors() => Browser.ScriptErrors();

        public void Dispose() => Browser.Dispose();

        private static By MenuButton(string choice) => By.CssSelector($".buttons button[data-choice='{choice}']");
    }
}
