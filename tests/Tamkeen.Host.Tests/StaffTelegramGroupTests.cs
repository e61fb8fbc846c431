using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Tamkeen.Host.Channels.Telegram;
using Tamkeen.Host.Handoff.Telegram;
using Tamkeen.Host.Staff;

namespace Tamkeen.Host.Tests;

/// <summary>The staff Telegram group: alert cards, claims by button, replies to a card, linking, the group's rate limit.</summary>
public class StaffTelegramGroupTests
{
    internal const long Group = -1001234567890;
    private const string Secret = "webhook-secret_0123456789";
    private static long _updateIds = 5000;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Wednesday 2 December 2026, 10:00 in Riyadh: working hours.</summary>
    private static FakeTimeProvider WorkingHours() => new(new DateTimeOffset(2026, 12, 2, 7, 0, 0, TimeSpan.Zero));

    internal static Task<RunningService> StartAsync(TelegramFakeBotApi api, params string[] more) => StartOnAsync(api, null, more);

    /// <param name="databaseFile">The database of an earlier run, to start again on it; null: a new one.</param>
    internal static async Task<RunningService> StartOnAsync(TelegramFakeBotApi api, string? databaseFile, params string[] more) =>
        (await RunningService.StartAsync(databaseFile, time: WorkingHours(), settings:
        [
            $"--Telegram:BotToken={TelegramFakeBotApi.Token}",
            $"--Telegram:ApiBaseUrl={api.Address}",
            "--Telegram:WebhookUrl=https://tamkeen.example/telegram/webhook",
            $"--Telegram:SecretToken={Secret}",
            $"--Handoff:TelegramGroupId={Group}",
            "--Handoff:ConsoleBaseUrl=https://tamkeen.example",
            .. more,
        ])).AnsweredOn(api);

    internal static async Task PostAsync(RunningService service, object update)
    {
        using var answer = await service.PostUpdateAsync(update, Secret);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
    }

    internal static long NextUpdateId() => Interlocked.Increment(ref _updateIds);
    internal static long Now => DateTimeOffset.UtcNow.ToUnixTimeSeconds();
    internal static object User(long id) => new { id, is_bot = false, first_name = "U" + id };
    internal static object GroupChat => new { id = Group, type = "supergroup", title = "فريق تمكين" };

    internal static object PersonWrites(long chat, string text) => new
    {
        update_id = NextUpdateId(),
        message = new { message_id = 1, date = Now, from = User(chat), chat = new { id = chat, type = "private", first_name = "N" }, text },
    };

    internal static object StaffWritesInGroup(long user, string text, int replyTo) => new
    {
        update_id = NextUpdateId(),
        message = new
        {
            message_id = (int)NextUpdateId(), date = Now, from = User(user), chat = GroupChat, text,
            reply_to_message = new { message_id = replyTo, date = Now, chat = GroupChat, text = "…" },
        },
    };

    internal static object StaffPresses(long user, int cardId, string data) => new
    {
        update_id = NextUpdateId(),
        callback_query = new
        {
            id = $"cb{NextUpdateId()}", chat_instance = "1", from = User(user), data,
            message = new { message_id = cardId, date = Now, chat = GroupChat, text = "…" },
        },
    };

    internal static object PrivateLink(long user, string code) => new
    {
        update_id = NextUpdateId(),
        message = new { message_id = 1, date = Now, from = User(user), chat = new { id = user, type = "private", first_name = "S" }, text = "/link " + code },
    };

    internal static IEnumerable<JsonObject> GroupSends(TelegramFakeBotApi api) =>
        api.CallsOf("sendMessage").Where(c => c["chat_id"]!.GetValue<long>() == Group);

    internal static async Task<JsonObject> CardAsync(TelegramFakeBotApi api, int count = 1)
    {
        await Eventually.UntilAsync(() => GroupSends(api).Count() >= count, "the card in the staff group");
        return GroupSends(api).ElementAt(count - 1);
    }

    internal static async Task<int> CardIdAsync(RunningService service, string reference)
    {
        await using var db = service.OpenDatabase();
        var caseId = await db.Cases.Where(c => c.Reference == reference).Select(c => c.Id).SingleAsync(Ct);
        string? id = null;
        await Eventually.UntilAsync(async () =>
        {
            await using var read = service.OpenDatabase();
            id = await read.Outbox.Where(m => m.CaseId == caseId && m.ProviderMessageId != null).Select(m => m.ProviderMessageId).FirstOrDefaultAsync(Ct);
            return id is not null;
        });
        return int.Parse(id!);
    }

    /// <summary>A staff account with a display name, linked to Telegram user <paramref name="telegramUser"/> by /link.</summary>
    internal static async Task LinkedStaffAsync(RunningService service, string name, string displayName, long telegramUser, string role = StaffRoles.Staff)
    {
        await StaffConsole.CreateAccountAsync(service, name, role);
        await using (var scope = service.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var user = await users.FindByNameAsync(name);
            user!.DisplayName = displayName;
            await users.UpdateAsync(user);
        }
        var code = await service.Services.GetRequiredService<TelegramLinkCodes>().IssueAsync(name, Ct);
        await PostAsync(service, PrivateLink(telegramUser, code));
        await Eventually.UntilAsync(async () =>
        {
            await using var db = service.OpenDatabase();
            return await db.Users.AnyAsync(u => u.UserName == name && u.TelegramUserId == telegramUser, Ct);
        });
    }

    internal static async Task<string> OpenCaseAsync(RunningService service, long person, params string[] before)
    {
        await PostAsync(service, PersonWrites(person, "مرحبا"));
        foreach (var text in before) await PostAsync(service, PersonWrites(person, text));
        await PostAsync(service, PersonWrites(person, "موظف"));
        string? reference = null;
        await Eventually.UntilAsync(async () =>
        {
            await using var db = service.OpenDatabase();
            reference = await (from c in db.Cases join i in db.ChannelIdentities on c.BeneficiaryId equals i.BeneficiaryId
                where i.Address == person.ToString() select c.Reference).FirstOrDefaultAsync(Ct);
            return reference is not null;
        });
        return reference!;
    }

    [Fact]
    public async Task The_card_shows_reason_channel_and_the_persons_words_with_ID_and_phone_masked_and_its_buttons()
    {
        await using var api = await TelegramFakeBotApi.StartAsync();
        await using var service = await StartAsync(api);

        var reference = await OpenCaseAsync(service, 7001, "رقم هويتي 1012345678 وجوالي 0551234567");

        var card = await CardAsync(api);
        var text = card["text"]!.GetValue<string>();
        Assert.Equal("html", card["parse_mode"]!.GetValue<string>(), ignoreCase: true);
        Assert.Contains($"\u2066{reference}\u2069", text);
        Assert.Contains("طلب التحدث مع موظف", text);
        Assert.Contains("تيليجرام", text);
        Assert.Contains("101••••678", text);
        Assert.Contains("055••••567", text);
        Assert.DoesNotContain("1012345678", text);
        Assert.DoesNotContain("0551234567", text);
        var buttons = card["reply_markup"]!["inline_keyboard"]!.AsArray().Select(row => row![0]!).ToList();
        Assert.Equal(["استلام", "إغلاق", "فتح في اللوحة"], buttons.Select(b => b["text"]!.GetValue<string>()));
        Assert.Equal($"case:claim:{reference}", buttons[0]["callback_data"]!.GetValue<string>());
        Assert.Equal($"https://tamkeen.example/staff/cases/{reference}", buttons[2]["url"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_linked_member_claims_the_card_and_replies_to_it_and_the_person_gets_the_reply_signed()
    {
        await using var api = await TelegramFakeBotApi.StartAsync();
        await using var service = await StartAsync(api);
        await LinkedStaffAsync(service, "sara", "سارة", 9001);

        var reference = await OpenCaseAsync(service, 7002);
        await CardAsync(api);
        var cardId = await CardIdAsync(service, reference);

        await PostAsync(service, StaffPresses(9001, cardId, $"case:claim:{reference}"));
        var toast = (await api.WaitForAsync("answerCallbackQuery")).Single();
        Assert.Equal("استلمتَ الحالة.", toast["text"]!.GetValue<string>());
        var edit = (await api.WaitForAsync("editMessageText")).Single();
        Assert.Equal(cardId, edit["message_id"]!.GetValue<int>());
        Assert.Contains("استلمها سارة", edit["text"]!.GetValue<string>());
        Assert.DoesNotContain("استلام", edit["reply_markup"]!.ToJsonString());

        await PostAsync(service, StaffWritesInGroup(9001, "أهلاً بك، سأراجع طلبك الآن.", cardId));
        await Eventually.UntilAsync(() => api.CallsOf("sendMessage").Any(c =>
            c["chat_id"]!.GetValue<long>() == 7002 && c["text"]!.GetValue<string>().Contains("سارة") && c["text"]!.GetValue<string>().Contains("أهلاً بك، سأراجع طلبك الآن.")));
    }

    [Fact]
    public async Task A_photo_a_member_sends_in_reply_to_the_card_reaches_the_person_after_its_caption()
    {
        await using var api = await TelegramFakeBotApi.StartAsync();
        api.Files["staff-photo"] = [0xFF, 0xD8, 0xFF, 0xE0];
        await using var service = await StartAsync(api);
        await LinkedStaffAsync(service, "sara", "سارة", 9001);
        var reference = await OpenCaseAsync(service, 7003);
        await CardAsync(api);
        var cardId = await CardIdAsync(service, reference);

        await PostAsync(service, new
        {
            update_id = NextUpdateId(),
            message = new
            {
                message_id = (int)NextUpdateId(), date = Now, from = User(9001), chat = GroupChat, caption = "هذا موقع المكتب.",
                photo = new[] { new { file_id = "staff-photo", file_unique_id = "u-staff-photo", width = 800, height = 600, file_size = 4 } },
                reply_to_message = new { message_id = cardId, date = Now, chat = GroupChat, text = "…" },
            },
        });

        var photo = (await api.WaitForAsync("sendPhoto")).Single();
        Assert.Equal(7003, photo["chat_id"]!.GetValue<long>());
        Assert.Equal([0xFF, 0xD8, 0xFF, 0xE0], Convert.FromBase64String(photo.Select(p => p.Value).OfType<JsonObject>().Single()["bytes"]!.GetValue<string>()));
        Assert.Contains(api.CallsOf("sendMessage"), c => c["chat_id"]!.GetValue<long>() == 7003 && c["text"]!.GetValue<string>().Contains("هذا موقع المكتب."));
    }

    [Fact]
    public async Task Two_members_press_claim_at_once_and_one_wins_while_the_other_is_told_who()
    {
        await using var api = await TelegramFakeBotApi.StartAsync();
        await using var service = await StartAsync(api);
        await LinkedStaffAsync(service, "sara", "سارة", 9001);
        await LinkedStaffAsync(service, "nura", "نورة", 9002);
        var reference = await OpenCaseAsync(service, 7003);
        await CardAsync(api);
        var cardId = await CardIdAsync(service, reference);

        await Task.WhenAll(PostAsync(service, StaffPresses(9001, cardId, $"case:claim:{reference}")),
            PostAsync(service, StaffPresses(9002, cardId, $"case:claim:{reference}")));

        var toasts = (await api.WaitForAsync("answerCallbackQuery", 2)).Select(t => t["text"]!.GetValue<string>()).ToList();
        Assert.Single(toasts, t => t == "استلمتَ الحالة.");
        Assert.Single(toasts, t => t is "استلمها سارة." or "استلمها نورة.");
        await using var db = service.OpenDatabase();
        Assert.Single(await db.AuditEntries.Where(a => a.Action == AuditActions.CaseClaimed).ToListAsync(Ct));
    }

    [Fact]
    public async Task A_member_not_linked_is_told_how_to_link_and_nothing_is_claimed()
    {
        await using var api = await TelegramFakeBotApi.StartAsync();
        await using var service = await StartAsync(api);
        var reference = await OpenCaseAsync(service, 7004);
        await CardAsync(api);
        var cardId = await CardIdAsync(service, reference);

        await PostAsync(service, StaffPresses(9999, cardId, $"case:claim:{reference}"));

        var toast = (await api.WaitForAsync("answerCallbackQuery")).Single();
        Assert.Equal(TelegramStaffDesk.HowToLink, toast["text"]!.GetValue<string>());
        Assert.True(toast["show_alert"]!.GetValue<bool>());
        await using var db = service.OpenDatabase();
        Assert.Null(await db.Cases.Where(c => c.Reference == reference).Select(c => c.ClaimedBy).SingleAsync(Ct));
    }

    [Fact]
    public async Task A_code_from_the_console_page_sent_with_link_links_the_account_once_and_is_audited()
    {
        await using var api = await TelegramFakeBotApi.StartAsync();
        await using var service = await StartAsync(api);
        using var browser = await StaffConsole.SignedInAsync(service, name: "huda");

        using var page = await StaffConsole.PostFormAsync(browser, "staff/telegram", "link");
        var code = System.Text.RegularExpressions.Regex.Match(await page.Content.ReadAsStringAsync(Ct), @"/link (\d{6})").Groups[1].Value;
        Assert.Matches(@"^\d{6}$", code);
        await PostAsync(service, PrivateLink(9005, code));

        await Eventually.UntilAsync(async () =>
        {
            await using var db = service.OpenDatabase();
            return await db.Users.AnyAsync(u => u.UserName == "huda" && u.TelegramUserId == 9005 && u.TelegramLinkCodeHash == null, Ct);
        }, "the account linked");
        var confirmation = (await api.WaitForAsync("sendMessage")).Single(c => c["chat_id"]!.GetValue<long>() == 9005);
        Assert.Contains("رُبط حسابك", confirmation["text"]!.GetValue<string>());
        await using (var db = service.OpenDatabase())
        {
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.TelegramLinked && a.Who == "huda", Ct));
            // A /link is staff's: it never reaches a beneficiary's conversation.
            Assert.False(await db.Inbox.AnyAsync(m => m.Text != null && m.Text.StartsWith("/link"), Ct));
        }

        await PostAsync(service, PrivateLink(9006, code));
        await Eventually.UntilAsync(() => api.CallsOf("sendMessage").Any(c => c["chat_id"]!.GetValue<long>() == 9006), "the refusal");
        Assert.Contains("غير صحيح", api.CallsOf("sendMessage").Single(c => c["chat_id"]!.GetValue<long>() == 9006)["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_burst_of_cases_is_posted_to_the_group_within_its_own_rate_limit()
    {
        await using var api = await TelegramFakeBotApi.StartAsync();
        // 5 in any 2 seconds stands for Telegram's 20 a minute, on the real clock the rate limiter runs on.
        await using var service = await StartAsync(api, "--Dispatch:Telegram:PerRecipientPerSecond=0",
            "--Dispatch:StaffGroup:Permits=5", "--Dispatch:StaffGroup:Window=00:00:02");
        const int cases = 12;

        await Task.WhenAll(Enumerable.Range(0, cases).Select(i => OpenCaseAsync(service, 7100 + i)));

        await Eventually.UntilAsync(() => GroupSends(api).Count() >= cases, "every card", TimeSpan.FromSeconds(30));
        var times = api.Arrivals.Where(a => a.ChatId == Group).Select(a => a.At).Order().ToList();
        Assert.Equal(cases, times.Count);
        // The limiter's window slides by twelfths; a little less than the window allows for that and for the loopback.
        var window = TimeSpan.FromSeconds(1.6);
        for (var i = 0; i < times.Count; i++) Assert.True(times.Count(t => t >= times[i] && t < times[i] + window) <= 5, $"more than 5 group posts within {window} from post {i}");
        Assert.True(times[^1] - times[0] >= TimeSpan.FromSeconds(3), "12 posts at 5 per 2 seconds take at least two windows");
    }
}
