using System.Text.Json.Nodes;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tamkeen.Core.Conversations;
using Tamkeen.Host.Channels.Telegram;
using Tamkeen.Host.Messaging;
using Tamkeen.Host.Settings;

namespace Tamkeen.Host.Tests;

/// <summary>What the Telegram sender sends, and how it reads the Bot API's answers, against a fake Bot API.</summary>
public class TelegramSenderTests
{
    private static readonly string FilesFolder = Path.Combine(Path.GetTempPath(), "tamkeen-tests", Guid.NewGuid().ToString("N"));

    private static TelegramSender Sender(Uri api)
    {
        var httpClients = new ServiceCollection().AddHttpClient().BuildServiceProvider().GetRequiredService<IHttpClientFactory>();
        var options = Options.Create(new TelegramOptions { BotToken = TelegramFakeBotApi.Token, ApiBaseUrl = api.ToString() });
        var files = new AttachmentStore(Options.Create(new AttachmentOptions { Path = FilesFolder }), TimeProvider.System);
        // Replies to people never read the outbox; only staff-group rows do.
        return new TelegramSender(new TelegramBot(httpClients, options), null!, files);
    }

    [Fact]
    public async Task A_staff_file_goes_after_the_text_as_a_document_and_a_photo_as_a_photo()
    {
        await using var api = await TelegramFakeBotApi.StartAsync();
        Directory.CreateDirectory(Path.Combine(FilesFolder, "staff"));
        await File.WriteAllBytesAsync(Path.Combine(FilesFolder, "staff", "form.pdf"), "%PDF-1.4"u8.ToArray(), TestContext.Current.CancellationToken);
        await File.WriteAllBytesAsync(Path.Combine(FilesFolder, "staff", "card.jpg"), [0xFF, 0xD8, 0xFF], TestContext.Current.CancellationToken);
        var reply = Reply("سارة — جمعية تمكين:\nهذا النموذج المطلوب.");
        reply.AttachmentsJson = JsonSerializer.Serialize(new[] { new Attachment("application/pdf", "staff/form.pdf"), new Attachment("image/jpeg", "staff/card.jpg") });

        Assert.IsType<SendOutcome.Sent>(await Sender(api.Address).SendAsync(reply, TestContext.Current.CancellationToken));

        Assert.Equal(["sendMessage", "sendDocument", "sendPhoto"], api.Calls.Select(c => c.Method));
        var document = api.CallsOf("sendDocument").Single();
        Assert.Equal(6101, document["chat_id"]!.GetValue<long>());
        var upload = document.Select(p => p.Value).OfType<JsonObject>().Single();
        Assert.Equal("%PDF-1.4"u8.ToArray(), Convert.FromBase64String(upload["bytes"]!.GetValue<string>()));
    }

    private static OutboxMessage Reply(string text, IReadOnlyList<ReplyButton>? buttons = null, string? contactButton = null) => new()
    {
        Id = 1,
        Channel = Channel.Telegram,
        Address = "6101",
        Text = text,
        ButtonsJson = buttons is null ? null : JsonSerializer.Serialize(buttons),
        ContactButton = contactButton,
    };

    [Fact]
    public async Task A_reply_with_choices_is_sent_with_an_inline_keyboard_and_gives_back_the_telegram_message_id()
    {
        await using var api = await TelegramFakeBotApi.StartAsync();

        var outcome = await Sender(api.Address).SendAsync(
            Reply("اختر الخدمة:", [new ReplyButton("1", "سلة غذائية"), new ReplyButton("back", "رجوع")]), TestContext.Current.CancellationToken);

        Assert.Equal(new SendOutcome.Sent("1"), outcome);
        var sent = Assert.Single(api.CallsOf("sendMessage"));
        Assert.Equal(6101, sent["chat_id"]!.GetValue<long>());
        Assert.Equal("اختر الخدمة:", sent["text"]!.GetValue<string>());
        var rows = sent["reply_markup"]!["inline_keyboard"]!.AsArray();
        Assert.Equal([("سلة غذائية", "1"), ("رجوع", "back")],
            rows.Select(row => Assert.Single(row!.AsArray())).Select(b => (b!["text"]!.GetValue<string>(), b["callback_data"]!.GetValue<string>())));
    }

    [Fact]
    public async Task A_question_for_the_mobile_offers_the_share_button_and_the_choices_as_typed_labels()
    {
        await using var api = await TelegramFakeBotApi.StartAsync();

        await Sender(api.Address).SendAsync(
            Reply("Type the mobile number, e.g. 0551234567", [new ReplyButton("back", "Back")], contactButton: "📱 Share my mobile number"), TestContext.Current.CancellationToken);

        var keyboard = Assert.Single(api.CallsOf("sendMessage"))["reply_markup"]!;
        Assert.True(keyboard["one_time_keyboard"]!.GetValue<bool>());
        Assert.True(keyboard["resize_keyboard"]!.GetValue<bool>());
        var rows = keyboard["keyboard"]!.AsArray().Select(row => Assert.Single(row!.AsArray())!).ToList();
        Assert.Equal("📱 Share my mobile number", rows[0]["text"]!.GetValue<string>());
        Assert.True(rows[0]["request_contact"]!.GetValue<bool>());
        Assert.Equal("Back", rows[1]["text"]!.GetValue<string>());
        Assert.Null(rows[1]["request_contact"]);
    }

    [Fact]
    public async Task A_person_who_blocked_the_bot_is_unreachable_and_not_tried_again()
    {
        await using var api = await TelegramFakeBotApi.StartAsync();
        api.Answer("sendMessage", _ => TelegramFakeBotApi.Error(403, "Forbidden: bot was blocked by the user"));

        var outcome = await Sender(api.Address).SendAsync(Reply("مرحباً"), TestContext.Current.CancellationToken);

        var permanent = Assert.IsType<SendOutcome.Permanent>(outcome);
        Assert.True(permanent.Unreachable);
        Assert.Contains("blocked", permanent.Error);
    }

    [Fact]
    public async Task A_chat_telegram_does_not_know_fails_for_good_without_marking_the_person_unreachable()
    {
        await using var api = await TelegramFakeBotApi.StartAsync();
        api.Answer("sendMessage", _ => TelegramFakeBotApi.Error(400, "Bad Request: chat not found"));

        var outcome = await Sender(api.Address).SendAsync(Reply("مرحباً"), TestContext.Current.CancellationToken);

        Assert.False(Assert.IsType<SendOutcome.Permanent>(outcome).Unreachable);
    }

    [Fact]
    public async Task Too_many_requests_is_tried_again_after_the_wait_telegram_asks_for()
    {
        await using var api = await TelegramFakeBotApi.StartAsync();
        api.Answer("sendMessage", _ => TelegramFakeBotApi.Error(429, "Too Many Requests: retry after 7", retryAfter: 7));

        var outcome = await Sender(api.Address).SendAsync(Reply("مرحباً"), TestContext.Current.CancellationToken);

        Assert.Equal(TimeSpan.FromSeconds(7), Assert.IsType<SendOutcome.Transient>(outcome).RetryAfter);
        Assert.Single(api.CallsOf("sendMessage"));
    }

    [Fact]
    public async Task A_server_error_or_no_answer_at_all_is_worth_another_try()
    {
        await using (var api = await TelegramFakeBotApi.StartAsync())
        {
            api.Answer("sendMessage", _ => TelegramFakeBotApi.Error(502, "Bad Gateway"));
            Assert.IsType<SendOutcome.Transient>(await Sender(api.Address).SendAsync(Reply("مرحباً"), TestContext.Current.CancellationToken));
        }

        using var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var nobody = new Uri($"http://127.0.0.1:{((IPEndPoint)closed.LocalEndpoint).Port}");
        closed.Stop();
        Assert.IsType<SendOutcome.Transient>(await Sender(nobody).SendAsync(Reply("مرحباً"), TestContext.Current.CancellationToken));
    }
}
