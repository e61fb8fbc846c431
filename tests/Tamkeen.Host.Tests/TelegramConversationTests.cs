using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tamkeen.Core.Conversations;
using Tamkeen.Host.Channels.Telegram;

namespace Tamkeen.Host.Tests;

/// <summary>Conversations over Telegram by long polling, against the Bot API emulator.</summary>
public class TelegramConversationTests(TelegramEmulator emulator) : IClassFixture<TelegramEmulator>
{
    private static int _bots;

    /// <summary>A bot of its own for each test, so the emulator keeps the tests' chats apart.</summary>
    private static string NewBotToken() => $"{700000 + Interlocked.Increment(ref _bots)}:polling-test-token";

    private Task<RunningService> StartAsync(string botToken, Action<IServiceCollection>? services = null) =>
        RunningService.StartAsync(services: services, settings:
        [
            $"--Telegram:BotToken={botToken}",
            $"--Telegram:ApiBaseUrl={emulator.Address}",
            // One message a second to a chat is Telegram's pace; the emulator does not need it.
            "--Dispatch:Telegram:PerRecipientPerSecond=0",
        ]);

    [Fact]
    public async Task An_arabic_greeting_gets_the_menu_as_buttons_and_a_pressed_button_is_answered_and_its_keyboard_removed()
    {
        var token = NewBotToken();
        var calls = new TelegramBotApiCalls();
        await using var service = await StartAsync(token, s => s.AddHttpClient(TelegramBot.HttpClientName).AddHttpMessageHandler(calls.Recorder));
        var user = emulator.User(token, 5001);

        await user.SaysAsync("مرحبا");
        var welcome = await user.NextReplyAsync();
        Assert.StartsWith("مرحباً بك في جمعية تمكين الأسرة بالقصيم", welcome.Text);
        Assert.Contains("كيف يمكننا خدمتك؟", welcome.Text);
        Assert.Equal(
            [("الاستفسار عن خدماتنا", "1@MainMenu"), ("تقديم طلب", "2@MainMenu"), ("متابعة طلب", "3@MainMenu"), ("التحدث مع موظف", "4@MainMenu"), ("اقتراح أو شكوى", "5@MainMenu")],
            welcome.InlineRows.Select(row => Assert.Single(row)));

        await user.PressesAsync(welcome, "2");
        var services = await user.NextReplyAsync();
        Assert.StartsWith("اختر الخدمة التي تريد تقديم طلب لها", services.Text);
        Assert.Equal(("تسجيل أسرة جديدة", "1@RequestService"), services.InlineRows[0].Single());

        await calls.WaitForAsync("editMessageReplyMarkup");
        Assert.Equal(HttpStatusCode.OK, calls.StatusOf("answerCallbackQuery"));
        var pressed = (await emulator.HistoryAsync(token)).Single(u => u!["messageId"]?.GetValue<int>() == welcome.MessageId && u["message"]!["text"] is not null);
        Assert.Empty(pressed!["message"]!["reply_markup"]!["inline_keyboard"]!.AsArray());

        await using var db = service.OpenDatabase();
        var received = await db.Inbox.OrderBy(m => m.Id).ToListAsync();
        Assert.Equal([("مرحبا", null), (null, "2@MainMenu")], received.Select(m => (m.Text, m.ButtonPayload)));
        Assert.All(received, m => Assert.Equal((Channel.Telegram, "5001"), (m.Channel, m.SenderAddress)));
    }

    [Fact]
    public async Task A_service_request_is_filled_in_over_telegram_with_the_mobile_number_shared_by_the_contact_button()
    {
        var token = NewBotToken();
        await using var service = await StartAsync(token);
        var user = emulator.User(token, 5002);

        await user.SaysAsync("مرحبا");
        await user.PressesAsync(await user.NextReplyAsync(), "2");
        await user.PressesAsync(await user.NextReplyAsync(), "1");
        Assert.StartsWith("اكتب الاسم الكامل", (await user.NextReplyAsync()).Text);
        await user.SaysAsync("محمد عبدالله السالم");
        Assert.StartsWith("اكتب رقم الهوية", (await user.NextReplyAsync()).Text);
        await user.SaysAsync("1012345672");

        var askMobile = await user.NextReplyAsync();
        Assert.StartsWith("اكتب رقم الجوال", askMobile.Text);
        Assert.Empty(askMobile.InlineRows);
        var (label, requestsContact) = askMobile.KeyboardRows[0].Single();
        Assert.Equal(("📱 مشاركة رقم جوالي", true), (label, requestsContact));
        Assert.Contains(askMobile.KeyboardRows.Skip(1), row => row.Single() == ("رجوع", false));
        Assert.True(askMobile.ReplyMarkup!["one_time_keyboard"]!.GetValue<bool>());

        await user.SharesContactAsync("966551234567", ownerUserId: user.ChatId);
        Assert.StartsWith("في أي مدينة", (await user.NextReplyAsync()).Text);
        foreach (var text in new[] { "بريده", "5", "0", "تخطي" })
        {
            await user.SaysAsync(text);
            await user.NextReplyAsync();
        }
        await user.SaysAsync("1");
        Assert.StartsWith("تم استلام طلبك برقم مرجعي TMK-", (await user.NextReplyAsync()).Text);

        await using var db = service.OpenDatabase();
        var request = await db.ServiceRequests.SingleAsync();
        Assert.Equal("new-family", request.ServiceId);
        Assert.Equal("+966551234567", JsonDocument.Parse(request.AnswersJson).RootElement.GetProperty("mobile").GetString());
    }

    [Fact]
    public async Task A_message_in_a_group_is_not_stored_and_the_private_chat_goes_on()
    {
        var token = NewBotToken();
        await using var service = await StartAsync(token);
        var user = emulator.User(token, 5003);

        await emulator.PostAsync("sendMessage", new
        {
            botToken = token, date = DateTimeOffset.UtcNow.ToUnixTimeSeconds(), text = "مرحبا",
            from = new { id = 5003, is_bot = false, first_name = "Noura" },
            chat = new { id = -100123, type = "supergroup", title = "Families" },
        });
        await user.SaysAsync("مرحبا");
        Assert.StartsWith("مرحباً بك", (await user.NextReplyAsync()).Text);

        await using var db = service.OpenDatabase();
        Assert.Equal("5003", (await db.Inbox.SingleAsync()).SenderAddress);
    }
}
