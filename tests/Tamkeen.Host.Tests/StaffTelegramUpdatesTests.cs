using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tamkeen.Host.Data;
using Tamkeen.Host.Handoff;
using Tamkeen.Host.Handoff.Telegram;
using Tamkeen.Host.Staff;
using static Tamkeen.Host.Tests.StaffTelegramGroupTests;

namespace Tamkeen.Host.Tests;

/// <summary>Staff's Telegram updates: stored before they are acknowledged, handled once; stopped accounts; /link tries; a reply that claims.</summary>
public class StaffTelegramUpdatesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static long UpdateIdOf(object update) => JsonSerializer.SerializeToElement(update).GetProperty("update_id").GetInt64();

    private static TamkeenDb DatabaseOf(string file) => new(new DbContextOptionsBuilder<TamkeenDb>().UseSqlite($"Data Source={file}").Options);

    [Fact]
    public async Task A_press_stored_but_not_handled_before_the_service_stopped_is_handled_at_the_next_start()
    {
        await using var api = await TelegramFakeBotApi.StartAsync();
        var file = RunningService.NewDatabaseFile();
        string reference;
        int cardId;
        await using (var first = await StartOnAsync(api, file))
        {
            await LinkedStaffAsync(first, "sara", "سارة", 9101);
            reference = await OpenCaseAsync(first, 7201);
            await CardAsync(api);
            cardId = await CardIdAsync(first, reference);
            await first.WaitUntilIdleAsync();
        }
        // What the webhook stored just before the crash, with Telegram already answered.
        var press = StaffPresses(9101, cardId, $"case:claim:{reference}");
        await using (var db = DatabaseOf(file))
        {
            db.StaffTelegramUpdates.Add(new StaffTelegramUpdate
            {
                UpdateId = UpdateIdOf(press), Json = JsonSerializer.Serialize(press),
                ReceivedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync(Ct);
        }

        await using var second = await StartOnAsync(api, file);

        var toast = (await api.WaitForAsync("answerCallbackQuery")).Single();
        Assert.Equal("استلمتَ الحالة.", toast["text"]!.GetValue<string>());
        await Eventually.UntilAsync(async () =>
        {
            await using var db = second.OpenDatabase();
            return await db.StaffTelegramUpdates.AllAsync(u => u.ProcessedAt != null, Ct);
        }, "the stored press marked handled");
        await using var read = second.OpenDatabase();
        Assert.Equal("sara", await read.Cases.Where(c => c.Reference == reference).Select(c => c.ClaimedBy).SingleAsync(Ct));
    }

    [Fact]
    public async Task A_reply_delivered_twice_or_handled_again_after_a_restart_reaches_the_person_once()
    {
        await using var api = await TelegramFakeBotApi.StartAsync();
        var file = RunningService.NewDatabaseFile();
        const string said = "سنتصل بك غداً إن شاء الله.";
        long updateId;
        await using (var first = await StartOnAsync(api, file))
        {
            await LinkedStaffAsync(first, "sara", "سارة", 9102);
            var reference = await OpenCaseAsync(first, 7202);
            await CardAsync(api);
            var cardId = await CardIdAsync(first, reference);

            var reply = StaffWritesInGroup(9102, said, cardId);
            updateId = UpdateIdOf(reply);
            await PostAsync(first, reply);
            await PostAsync(first, reply);
            await Eventually.UntilAsync(() => RepliesToPerson(api, said) >= 1, "the reply sent to the person");
            await first.WaitUntilIdleAsync();
            await using var db = first.OpenDatabase();
            Assert.Single(await db.StaffTelegramUpdates.Where(u => u.UpdateId == updateId).ToListAsync(Ct));
            await Eventually.UntilAsync(async () =>
            {
                await using var read = first.OpenDatabase();
                return await read.StaffTelegramUpdates.AllAsync(u => u.ProcessedAt != null, Ct);
            });
        }
        // As if the service had stopped after the reply was committed but before the update was marked handled.
        await using (var db = DatabaseOf(file))
            await db.StaffTelegramUpdates.Where(u => u.UpdateId == updateId).ExecuteUpdateAsync(s => s.SetProperty(u => u.ProcessedAt, (DateTimeOffset?)null), Ct);

        await using var second = await StartOnAsync(api, file);
        await Eventually.UntilAsync(async () =>
        {
            await using var read = second.OpenDatabase();
            return await read.StaffTelegramUpdates.AllAsync(u => u.ProcessedAt != null, Ct);
        }, "the update handled again");
        await second.WaitUntilIdleAsync();

        Assert.Equal(1, RepliesToPerson(api, said));
        await using var check = second.OpenDatabase();
        Assert.Single(await check.CaseEntries.Where(e => e.Kind == CaseEntryKind.StaffReplied).ToListAsync(Ct));
    }

    [Fact]
    public async Task A_member_whose_account_is_stopped_can_no_longer_claim_close_or_reply_from_the_group_and_is_told_so()
    {
        await using var api = await TelegramFakeBotApi.StartAsync();
        await using var service = await StartAsync(api);
        await LinkedStaffAsync(service, "sara", "سارة", 9103);
        var reference = await OpenCaseAsync(service, 7203);
        await CardAsync(api);
        var cardId = await CardIdAsync(service, reference);
        await using (var scope = service.Services.CreateAsyncScope())
        {
            // As /staff/accounts stops an account.
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var user = await users.FindByNameAsync("sara");
            await users.SetLockoutEnabledAsync(user!, true);
            await users.SetLockoutEndDateAsync(user!, DateTimeOffset.MaxValue);
        }

        await PostAsync(service, StaffPresses(9103, cardId, $"case:claim:{reference}"));
        await PostAsync(service, StaffPresses(9103, cardId, $"case:close:{reference}"));
        await PostAsync(service, StaffWritesInGroup(9103, "ردّ من حساب موقوف", cardId));

        var toasts = await api.WaitForAsync("answerCallbackQuery", 2);
        Assert.All(toasts, t => Assert.Equal(TelegramStaffDesk.AccountStopped, t["text"]!.GetValue<string>()));
        await Eventually.UntilAsync(() => GroupSends(api).Any(m => m["text"]!.GetValue<string>() == TelegramStaffDesk.AccountStopped), "the refusal of the reply");
        await service.WaitUntilIdleAsync();
        await using var db = service.OpenDatabase();
        var staffCase = await db.Cases.SingleAsync(c => c.Reference == reference, Ct);
        Assert.Equal(CaseStatus.Open, staffCase.Status);
        Assert.False(await db.CaseEntries.AnyAsync(e => e.Kind == CaseEntryKind.StaffReplied, Ct));
        Assert.DoesNotContain(api.CallsOf("sendMessage"), c => c["chat_id"]!.GetValue<long>() == 7203 && c["text"]!.GetValue<string>().Contains("موقوف"));
    }

    [Fact]
    public async Task After_five_tries_with_link_a_telegram_user_is_told_to_wait_even_with_the_right_code()
    {
        await using var api = await TelegramFakeBotApi.StartAsync();
        await using var service = await StartAsync(api);
        await StaffConsole.CreateAccountAsync(service, "huda", StaffRoles.Staff);
        var code = await service.Services.GetRequiredService<TelegramLinkCodes>().IssueAsync("huda", Ct);
        var wrong = code == "000000" ? "111111" : "000000";

        for (var i = 0; i < TelegramStaffDesk.LinkTries; i++) await PostAsync(service, PrivateLink(9104, wrong));
        await PostAsync(service, PrivateLink(9104, code));

        var answers = await Eventually.UntilAsync(() => Task.FromResult(ToUser(api, 9104)), a => a.Count == TelegramStaffDesk.LinkTries + 1, "an answer to every try");
        Assert.All(answers.Take(TelegramStaffDesk.LinkTries), a => Assert.Contains("غير صحيح", a));
        Assert.Equal(TelegramStaffDesk.TooManyLinkTries, answers[^1]);
        await using var db = service.OpenDatabase();
        Assert.Null(await db.Users.Where(u => u.UserName == "huda").Select(u => u.TelegramUserId).SingleAsync(Ct));
    }

    [Fact]
    public async Task A_reply_to_an_unclaimed_card_claims_it_and_the_card_says_who_has_it()
    {
        await using var api = await TelegramFakeBotApi.StartAsync();
        await using var service = await StartAsync(api);
        await LinkedStaffAsync(service, "sara", "سارة", 9105);
        var reference = await OpenCaseAsync(service, 7205);
        await CardAsync(api);
        var cardId = await CardIdAsync(service, reference);

        await PostAsync(service, StaffWritesInGroup(9105, "أنا معك الآن.", cardId));

        var edit = (await api.WaitForAsync("editMessageText")).Single();
        Assert.Equal(cardId, edit["message_id"]!.GetValue<int>());
        Assert.Contains("استلمها سارة", edit["text"]!.GetValue<string>());
        await using var db = service.OpenDatabase();
        var kinds = await db.CaseEntries.Where(e => e.Case!.Reference == reference).OrderBy(e => e.Id).Select(e => e.Kind).ToListAsync(Ct);
        Assert.Equal([CaseEntryKind.Opened, CaseEntryKind.Claimed, CaseEntryKind.StaffReplied], kinds);
    }

    private static int RepliesToPerson(TelegramFakeBotApi api, string said) =>
        api.CallsOf("sendMessage").Count(c => c["chat_id"]!.GetValue<long>() == 7202 && c["text"]!.GetValue<string>().Contains(said));

    private static List<string> ToUser(TelegramFakeBotApi api, long user) =>
        [.. api.CallsOf("sendMessage").Where(c => c["chat_id"]!.GetValue<long>() == user).Select(c => c["text"]!.GetValue<string>())];
}
