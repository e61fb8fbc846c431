using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types;
using Tamkeen.Core.Conversations;
using Tamkeen.Host.Channels.Telegram;
using Tamkeen.Host.Messaging;

namespace Tamkeen.Host.Tests;

/// <summary>Webhook mode: updates posted to the service as Telegram posts them, replies and files through a fake Bot API.</summary>
public class TelegramWebhookTests
{
    private const string Secret = "webhook-secret_0123456789";
    private const string WebhookUrl = "https://tamkeen.example/telegram/webhook";
    private static long _updateIds = 1000;

    private static async Task<RunningService> StartAsync(TelegramFakeBotApi api, params string[] more) => (await RunningService.StartAsync(settings:
        [
            $"--Telegram:BotToken={TelegramFakeBotApi.Token}",
            $"--Telegram:ApiBaseUrl={api.Address}",
            $"--Telegram:WebhookUrl={WebhookUrl}",
            $"--Telegram:SecretToken={Secret}",
            "--Dispatch:Telegram:PerRecipientPerSecond=0",
            .. more,
        ])).AnsweredOn(api);

    private static async Task<HttpStatusCode> PostAsync(RunningService service, object update, string? secret = Secret, bool answerLost = false)
    {
        using var answer = await service.PostUpdateAsync(update, secret, answerLost);
        return answer.StatusCode;
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static long NextUpdateId() => Interlocked.Increment(ref _updateIds);
    private static object Person(long id) => new { id, is_bot = false, first_name = "Noura" };
    private static object PrivateChat(long id) => new { id, type = "private", first_name = "Noura" };
    private static long Now => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    private static object Text(long chat, string text) => new
    {
        update_id = NextUpdateId(),
        message = new { message_id = 1, date = Now, from = Person(chat), chat = PrivateChat(chat), text },
    };

    private static object Press(long chat, int messageId, string data, string? callbackId = null) => new
    {
        update_id = NextUpdateId(),
        callback_query = new
        {
            id = callbackId ?? $"cb{NextUpdateId()}", chat_instance = "1", from = Person(chat), data,
            message = new { message_id = messageId, date = Now, chat = PrivateChat(chat), text = "…" },
        },
    };

    [Fact]
    public async Task The_webhook_is_registered_with_its_secret_refuses_calls_without_it_and_stores_a_repeated_update_once()
    {
        await using var api = await TelegramFakeBotApi.StartAsync();
        await using var service = await StartAsync(api);

        var registered = Assert.Single(await api.WaitForAsync("setWebhook"));
        Assert.Equal(WebhookUrl, registered["url"]!.GetValue<string>());
        Assert.Equal(Secret, registered["secret_token"]!.GetValue<string>());
        Assert.Equal(["message", "callback_query"], registered["allowed_updates"]!.AsArray().Select(u => u!.GetValue<string>()));

        var greeting = Text(6001, "مرحبا");
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(service, greeting, secret: null));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(service, greeting, secret: "webhook-secret_0123456788"));
        await using (var db = service.OpenDatabase()) Assert.Equal(0, await db.Inbox.CountAsync());

        // Telegram delivers an update again when the answer did not reach it; that answer carried the reply.
        Assert.Equal(HttpStatusCode.OK, await PostAsync(service, greeting, answerLost: true));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(service, greeting));
        await service.WaitUntilIdleAsync();

        await using (var db = service.OpenDatabase())
        {
            var stored = await db.Inbox.SingleAsync();
            Assert.Equal((Channel.Telegram, "6001", "مرحبا"), (stored.Channel, stored.SenderAddress, stored.Text));
        }
        var welcome = Assert.Single(api.CallsOf("sendMessage"));
        Assert.StartsWith("مرحباً بك", welcome["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_reply_ready_in_time_goes_in_the_webhook_answer_and_is_stored_as_sent_without_a_call_of_its_own()
    {
        await using var api = await TelegramFakeBotApi.StartAsync();
        await using var service = await StartAsync(api);

        using var answer = await service.PostUpdateAsync(Text(6070, "مرحبا"), Secret, answerLost: true);
        Assert.Equal("application/json", answer.Content.Headers.ContentType?.MediaType);
        var carried = JsonNode.Parse(await answer.Content.ReadAsStringAsync(Ct))!.AsObject();
        Assert.Equal(("sendMessage", 6070L), (carried["method"]!.GetValue<string>(), carried["chat_id"]!.GetValue<long>()));
        Assert.StartsWith("مرحباً بك", carried["text"]!.GetValue<string>());
        Assert.Contains(carried["reply_markup"]!["inline_keyboard"]!.AsArray().SelectMany(row => row!.AsArray()),
            b => b!["callback_data"]!.GetValue<string>().StartsWith("1@", StringComparison.Ordinal));
        await service.WaitUntilIdleAsync();

        Assert.Empty(api.CallsOf("sendMessage")); // the service called nothing itself (and this answer was never run)
        await using var db = service.OpenDatabase();
        var reply = await db.Outbox.SingleAsync(Ct);
        Assert.Equal((DeliveryStatus.Sent, InlineReply.Route, 1), (reply.Status, reply.Route, reply.Attempts));
    }

    [Fact]
    public async Task With_the_webhook_reply_off_the_answer_is_empty_and_the_reply_is_sent_on_its_own()
    {
        await using var api = await TelegramFakeBotApi.StartAsync();
        await using var service = await StartAsync(api, "--Telegram:WebhookReplyWait=00:00:00");

        using var answer = await service.PostUpdateAsync(Text(6080, "مرحبا"), Secret);
        Assert.Equal((HttpStatusCode.OK, ""), (answer.StatusCode, await answer.Content.ReadAsStringAsync(Ct)));
        var sent = Assert.Single(await api.WaitForAsync("sendMessage"));
        Assert.StartsWith("مرحباً بك", sent["text"]!.GetValue<string>());
        await service.WaitUntilIdleAsync();
        await using var db = service.OpenDatabase();
        var reply = await db.Outbox.SingleAsync(Ct);
        Assert.Equal((DeliveryStatus.Sent, (string?)null), (reply.Status, reply.Route));
    }

    [Fact]
    public async Task A_button_press_delivered_again_or_pressed_twice_at_once_is_answered_once()
    {
        await using var api = await TelegramFakeBotApi.StartAsync();
        await using var service = await StartAsync(api);
        await PostAsync(service, Text(6050, "مرحبا"));
        await service.WaitUntilIdleAsync();
        var welcome = Assert.Single(api.CallsOf("sendMessage"));
        var suggestion = welcome["reply_markup"]!["inline_keyboard"]!.AsArray().SelectMany(row => row!.AsArray())
            .Select(b => b!["callback_data"]!.GetValue<string>()).Single(data => data.StartsWith("5@", StringComparison.Ordinal));

        // The same press in a new update (as after a switch between polling and the webhook), and a second press of
        // the same button before its keyboard is gone.
        await Task.WhenAll(
            PostAsync(service, Press(6050, messageId: 1, suggestion, callbackId: "cb-6050-1")),
            PostAsync(service, Press(6050, messageId: 1, suggestion, callbackId: "cb-6050-1")),
            PostAsync(service, Press(6050, messageId: 1, suggestion, callbackId: "cb-6050-2")));
        await service.WaitUntilIdleAsync();

        await using (var db = service.OpenDatabase()) Assert.Equal(2, await db.Inbox.CountAsync());
        var replies = api.CallsOf("sendMessage").Select(m => m["text"]!.GetValue<string>()).ToList();
        Assert.Equal(2, replies.Count);
        Assert.Contains("هل المطلوب تقديم اقتراح أم شكوى؟", replies[1]);
        // Each press still has its spinner stopped.
        Assert.Equal(3, (await api.WaitForAsync("answerCallbackQuery", 3)).Count);
    }

    [Fact]
    public async Task Groups_channel_posts_edits_service_messages_and_bots_are_acknowledged_and_not_stored()
    {
        await using var api = await TelegramFakeBotApi.StartAsync();
        await using var service = await StartAsync(api);
        var group = new { id = -100777, type = "supergroup", title = "Families" };

        object[] ignored =
        [
            new { update_id = NextUpdateId(), message = new { message_id = 2, date = Now, from = Person(6002), chat = group, text = "مرحبا" } },
            new { update_id = NextUpdateId(), channel_post = new { message_id = 3, date = Now, chat = new { id = -100778, type = "channel" }, text = "مرحبا" } },
            new { update_id = NextUpdateId(), edited_message = new { message_id = 4, date = Now, edit_date = Now, from = Person(6002), chat = PrivateChat(6002), text = "مرحبا" } },
            new { update_id = NextUpdateId(), message = new { message_id = 5, date = Now, from = Person(6002), chat = group, new_chat_members = new[] { Person(6003) } } },
            new { update_id = NextUpdateId(), message = new { message_id = 6, date = Now, from = new { id = 6004, is_bot = true, first_name = "OtherBot" }, chat = PrivateChat(6004), text = "مرحبا" } },
            new { update_id = NextUpdateId(), message = new { message_id = 7, date = Now, from = Person(6002), chat = PrivateChat(6002), sticker = new { file_id = "s", file_unique_id = "s", type = "regular", width = 512, height = 512, is_animated = false, is_video = false } } },
        ];
        foreach (var update in ignored) Assert.Equal(HttpStatusCode.OK, await PostAsync(service, update));

        await using var db = service.OpenDatabase();
        Assert.Equal(0, await db.Inbox.CountAsync());
    }

    [Fact]
    public async Task A_photo_sent_during_a_request_is_downloaded_and_kept_as_a_file_with_its_caption()
    {
        var attachmentsFolder = Path.Combine(Path.GetTempPath(), "tamkeen-tests", Guid.NewGuid().ToString("N"));
        await using var api = await TelegramFakeBotApi.StartAsync();
        var photo = Enumerable.Range(0, 5000).Select(i => (byte)i).ToArray();
        api.Files["large"] = photo;
        await using var service = await StartAsync(api, $"--Attachments:Path={attachmentsFolder}");

        await PostAsync(service, Text(6010, "مرحبا"));
        await PostAsync(service, Press(6010, messageId: 1, "2"));
        await PostAsync(service, Press(6010, messageId: 2, "1"));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(service, new
        {
            update_id = NextUpdateId(),
            message = new
            {
                message_id = 9, date = Now, from = Person(6010), chat = PrivateChat(6010), caption = "صورة الهوية",
                photo = new[]
                {
                    new { file_id = "small", file_unique_id = "s", width = 90, height = 67, file_size = 900 },
                    new { file_id = "large", file_unique_id = "l", width = 800, height = 600, file_size = photo.Length },
                },
            },
        }));
        await service.WaitUntilIdleAsync();

        Assert.Equal(["large"], api.CallsOf("getFile").Select(f => f["file_id"]!.GetValue<string>()));
        await using var db = service.OpenDatabase();
        var received = await db.Inbox.OrderBy(m => m.Id).LastAsync();
        Assert.Equal("صورة الهوية", received.Text);
        var kept = Assert.Single(JsonSerializer.Deserialize<List<Attachment>>(received.AttachmentsJson!)!);
        Assert.Equal(("image/jpeg", false), (kept.ContentType, kept.TooLarge));
        Assert.Equal(photo, await File.ReadAllBytesAsync(Path.Combine(attachmentsFolder, kept.Url)));
        Assert.StartsWith("استلمنا المرفقات (1) وسنضمها إلى طلبك.", api.CallsOf("sendMessage").Last()["text"]!.GetValue<string>());

        // The two button presses were answered and their keyboards removed, after they were stored.
        Assert.Equal(2, (await api.WaitForAsync("answerCallbackQuery", 2)).Count);
        Assert.Equal([1, 2], (await api.WaitForAsync("editMessageReplyMarkup", 2)).Select(e => e["message_id"]!.GetValue<int>()).Order());
    }

    [Fact]
    public async Task A_photo_above_the_size_limit_is_refused_politely_without_downloading_it()
    {
        var attachmentsFolder = Path.Combine(Path.GetTempPath(), "tamkeen-tests", Guid.NewGuid().ToString("N"));
        await using var api = await TelegramFakeBotApi.StartAsync();
        api.Files["huge"] = new byte[16];
        await using var service = await StartAsync(api, $"--Attachments:Path={attachmentsFolder}", "--Attachments:MaxMegabytes=1");

        await PostAsync(service, new
        {
            update_id = NextUpdateId(),
            message = new
            {
                message_id = 9, date = Now, from = Person(6020), chat = PrivateChat(6020),
                photo = new[] { new { file_id = "huge", file_unique_id = "h", width = 4000, height = 3000, file_size = 3_000_000 } },
            },
        });
        await service.WaitUntilIdleAsync();

        Assert.Empty(api.CallsOf("getFile"));
        Assert.False(Directory.Exists(attachmentsFolder) && Directory.EnumerateFiles(attachmentsFolder, "*", SearchOption.AllDirectories).Any());
        var reply = Assert.Single(api.CallsOf("sendMessage"))["text"]!.GetValue<string>();
        Assert.Contains("الملف الذي أرسلته أكبر من الحجم الذي نستقبله (1 ميغابايت)", reply);
    }

    [Fact]
    public async Task A_document_that_cannot_be_downloaded_keeps_the_message_with_its_telegram_file_id()
    {
        await using var api = await TelegramFakeBotApi.StartAsync();
        await using var service = await StartAsync(api);

        Assert.Equal(HttpStatusCode.OK, await PostAsync(service, new
        {
            update_id = NextUpdateId(),
            message = new
            {
                message_id = 9, date = Now, from = Person(6030), chat = PrivateChat(6030), caption = "عقد الإيجار",
                document = new { file_id = "gone", file_unique_id = "g", file_name = "lease.pdf", mime_type = "application/pdf", file_size = 2000 },
            },
        }));
        await service.WaitUntilIdleAsync();

        await using var db = service.OpenDatabase();
        var received = await db.Inbox.SingleAsync();
        Assert.Equal("عقد الإيجار", received.Text);
        Assert.Equal(new Attachment("application/pdf", TelegramAttachments.FileIdPrefix + "gone"),
            Assert.Single(JsonSerializer.Deserialize<List<Attachment>>(received.AttachmentsJson!)!));
    }

    [Fact]
    public async Task Only_a_number_the_person_shares_of_themselves_is_taken_as_theirs()
    {
        await using var api = await TelegramFakeBotApi.StartAsync();
        await using var service = await StartAsync(api);
        var reader = service.Services.GetRequiredService<TelegramUpdateReader>();

        async Task<InboundMessage> ShareAsync(string phone, long owner) => (await reader.ReadAsync(
            JsonSerializer.Deserialize<Update>(JsonSerializer.Serialize(new
            {
                update_id = NextUpdateId(),
                message = new { message_id = 9, date = Now, from = Person(6040), chat = PrivateChat(6040), contact = new { phone_number = phone, first_name = "N", user_id = owner } },
            }), JsonBotAPI.Options)!, TestContext.Current.CancellationToken))!;

        var own = await ShareAsync("966551234567", owner: 6040);
        Assert.Equal(("+966551234567", "+966551234567"), (own.Text, own.SenderPhone));
        var friends = await ShareAsync("+966 50 123 4567", owner: 9999);
        Assert.Equal(("+966501234567", null), (friends.Text, friends.SenderPhone));
    }

    [Theory]
    [InlineData("", "Telegram:SecretToken must be set when Telegram:WebhookUrl is")]
    [InlineData("not allowed!", "Telegram:SecretToken must be set when Telegram:WebhookUrl is")]
    public async Task A_webhook_without_a_valid_secret_stops_the_start_with_a_message_naming_the_setting(string secret, string message)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => RunningService.StartAsync(settings:
        [
            "--Telegram:BotToken=123:abc", $"--Telegram:WebhookUrl={WebhookUrl}", $"--Telegram:SecretToken={secret}",
        ]));
        Assert.Contains(message, error.Message);
    }
}
