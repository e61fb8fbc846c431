using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Tamkeen.Core.Conversations;
using Tamkeen.Host.Messaging;
using Tamkeen.Host.Settings;

namespace Tamkeen.Host.Tests;

public class DispatchTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Backoff_doubles_with_jitter_and_a_longer_retry_after_wins()
    {
        var options = new DispatchOptions { RetryBaseDelay = TimeSpan.FromSeconds(2), RetryMaxDelay = TimeSpan.FromSeconds(60) };
        var random = new Random(7);
        for (var i = 0; i < 100; i++)
        {
            var third = RetrySchedule.Delay(options, 3, null, random);
            Assert.InRange(third, TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8));
            Assert.InRange(RetrySchedule.Delay(options, 20, null, random), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60));
        }
        Assert.Equal(TimeSpan.FromSeconds(45), RetrySchedule.Delay(options, 1, TimeSpan.FromSeconds(45), random));
        Assert.InRange(RetrySchedule.Delay(options, 3, TimeSpan.FromSeconds(1), random), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8));
    }

    [Fact]
    public async Task A_channels_retry_after_is_honoured_before_trying_again()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var telegram = new ScriptedChannel(Channel.Telegram, (_, attempt) => Task.FromResult<SendOutcome>(attempt == 1
            ? new SendOutcome.Transient("429 Too Many Requests", RetryAfter: TimeSpan.FromSeconds(30))
            : new SendOutcome.Sent("m-2")));
        await using var service = await RunningService.StartAsync(time: clock, services: s => s.AddSingleton<IChannelSender>(telegram));

        await ScriptedChannel.ReceiveAsync(service, Channel.Telegram, "chat-1", "مرحبا");
        // The first attempt's outcome stored (while it is under way the row already counts it, with SendingSince set).
        var waiting = await Eventually.FoundAsync(service, db => db.Outbox.FirstOrDefaultAsync(m => m.Attempts == 1 && m.SendingSince == null, Ct));
        Assert.Equal(clock.GetUtcNow() + TimeSpan.FromSeconds(30), waiting.NextAttemptAt, TimeSpan.FromMilliseconds(1));

        clock.Advance(TimeSpan.FromSeconds(29));
        await Task.Delay(200, Ct);
        Assert.Single(telegram.Attempts);

        clock.Advance(TimeSpan.FromSeconds(1));
        var sent = await Eventually.FoundAsync(service, db => db.Outbox.FirstOrDefaultAsync(m => m.Status == DeliveryStatus.Sent, Ct));
        Assert.Equal("m-2", sent.ProviderMessageId);
        Assert.Equal(2, telegram.Attempts.Count);
    }

    [Fact]
    public async Task A_person_who_blocked_the_bot_is_marked_unreachable_and_not_retried()
    {
        var telegram = new ScriptedChannel(Channel.Telegram, (_, _) =>
            Task.FromResult<SendOutcome>(new SendOutcome.Permanent("403 Forbidden: bot was blocked by the user", Unreachable: true)));
        await using var service = await RunningService.StartAsync(services: s => s.AddSingleton<IChannelSender>(telegram));

        await ScriptedChannel.ReceiveAsync(service, Channel.Telegram, "chat-7", "مرحبا");
        await service.WaitUntilIdleAsync();

        await using var db = service.OpenDatabase();
        var reply = await db.Outbox.SingleAsync(Ct);
        Assert.Equal(DeliveryStatus.Failed, reply.Status);
        Assert.Equal(1, reply.Attempts);
        Assert.Contains("blocked", reply.LastError);
        Assert.NotNull((await db.ChannelIdentities.SingleAsync(i => i.Address == "chat-7", Ct)).UnreachableSince);

        using var staff = await StaffConsole.SignedInAsync(service);
        var failed = await staff.GetStringAsync("staff/api/failed-deliveries", Ct);
        Assert.Contains("blocked", failed);
        Assert.Contains("Telegram", failed);
    }

    [Fact]
    public async Task A_person_who_unblocked_the_bot_and_writes_again_gets_replies_again()
    {
        var telegram = new ScriptedChannel(Channel.Telegram, (_, attempt) => Task.FromResult<SendOutcome>(attempt == 1
            ? new SendOutcome.Permanent("403 Forbidden: bot was blocked by the user", Unreachable: true)
            : new SendOutcome.Sent($"m-{attempt}")));
        await using var service = await RunningService.StartAsync(services: s => s.AddSingleton<IChannelSender>(telegram));
        await ScriptedChannel.ReceiveAsync(service, Channel.Telegram, "chat-8", "مرحبا");
        await service.WaitUntilIdleAsync();
        // The block is known once the dispatcher has told it, right after recording the failed reply.
        var flags = service.Services.GetRequiredService<IdentityFlags>();
        await Eventually.UntilAsync(() => flags.MayBeUnreachable(Channel.Telegram, "chat-8"), "the block to be known");

        await ScriptedChannel.ReceiveAsync(service, Channel.Telegram, "chat-8", "5");
        await service.WaitUntilIdleAsync();

        await using var db = service.OpenDatabase();
        Assert.Null((await db.ChannelIdentities.SingleAsync(i => i.Address == "chat-8", Ct)).UnreachableSince);
        var replies = await db.Outbox.OrderBy(m => m.Id).ToListAsync(Ct);
        Assert.Equal([DeliveryStatus.Failed, DeliveryStatus.Sent], replies.Select(r => r.Status));
    }

    [Fact]
    public async Task Replies_stored_before_the_block_was_known_are_not_tried()
    {
        var release = new TaskCompletionSource<SendOutcome>();
        var telegram = new ScriptedChannel(Channel.Telegram, (_, attempt) => attempt == 1
            ? release.Task
            : Task.FromResult<SendOutcome>(new SendOutcome.Sent("never")));
        await using var service = await RunningService.StartAsync(services: s => s.AddSingleton<IChannelSender>(telegram));

        await (await ScriptedChannel.ReceiveAsync(service, Channel.Telegram, "chat-8", "مرحبا")).Processed;
        await Eventually.UntilAsync(() => telegram.Attempts.Count == 1);
        await (await ScriptedChannel.ReceiveAsync(service, Channel.Telegram, "chat-8", "1")).Processed;
        release.SetResult(new SendOutcome.Permanent("403 Forbidden", Unreachable: true));
        await service.WaitUntilIdleAsync();

        Assert.Single(telegram.Attempts);
        await using var db = service.OpenDatabase();
        Assert.All(await db.Outbox.ToListAsync(Ct), m => Assert.Equal(DeliveryStatus.Failed, m.Status));
    }

    [Fact]
    public async Task A_transient_failure_gives_up_after_the_attempt_limit_and_is_shown_to_staff()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var sms = new ScriptedChannel(Channel.Sms, (_, _) => Task.FromResult<SendOutcome>(new SendOutcome.Transient("503 Service Unavailable")));
        await using var service = await RunningService.StartAsync(time: clock, services: s => s.AddSingleton<IChannelSender>(sms),
            settings: ["--Dispatch:MaxAttempts=3", "--Dispatch:RetryMaxDelay=00:00:04"]);

        await ScriptedChannel.ReceiveAsync(service, Channel.Sms, "+966501234567", "مرحبا");
        for (var attempt = 1; attempt < 3; attempt++)
        {
            var expected = attempt;
            await Eventually.FoundAsync(service, db => db.Outbox.FirstOrDefaultAsync(m => m.Attempts == expected && m.SendingSince == null, Ct));
            clock.Advance(TimeSpan.FromSeconds(4));
        }
        var failed = await Eventually.FoundAsync(service, db => db.Outbox.FirstOrDefaultAsync(m => m.Status == DeliveryStatus.Failed, Ct));
        Assert.Equal(3, failed.Attempts);
        Assert.Equal(3, sms.Attempts.Count);

        using var staff = await StaffConsole.SignedInAsync(service);
        // As the browser shows it (the page's encoder writes '+' as &#x2B;).
        var page = WebUtility.HtmlDecode(await staff.GetStringAsync("staff/deliveries", Ct));
        Assert.Contains("رسائل تعذّر إيصالها", page);
        Assert.Contains("503 Service Unavailable", page);
        Assert.Contains("+966••••••567", page);
        Assert.DoesNotContain("+966501234567", page);
    }

    [Fact]
    public async Task A_stuck_chat_or_channel_never_holds_up_the_others()
    {
        var stuck = new TaskCompletionSource<SendOutcome>();
        var telegram = new ScriptedChannel(Channel.Telegram, (m, _) => m.Address == "slow-chat"
            ? stuck.Task
            : Task.FromResult<SendOutcome>(new SendOutcome.Sent("ok")));
        var sms = new ScriptedChannel(Channel.Sms, (_, _) => stuck.Task);
        await using var service = await RunningService.StartAsync(services: s =>
        {
            s.AddSingleton<IChannelSender>(telegram);
            s.AddSingleton<IChannelSender>(sms);
        }, settings: ["--Dispatch:SendTimeout=00:01:00"]);

        await ScriptedChannel.ReceiveAsync(service, Channel.Telegram, "slow-chat", "مرحبا");
        await ScriptedChannel.ReceiveAsync(service, Channel.Sms, "+966501234567", "مرحبا");
        await Eventually.UntilAsync(() => !telegram.Attempts.IsEmpty && !sms.Attempts.IsEmpty);

        await ScriptedChannel.ReceiveAsync(service, Channel.Telegram, "quick-chat", "مرحبا");
        using var visitor = service.NewVisitor();
        await visitor.SendAsync("مرحبا");

        await Eventually.UntilAsync(async () =>
        {
            await using var db = service.OpenDatabase();
            return await db.Outbox.CountAsync(m => m.Status == DeliveryStatus.Sent, Ct) == 2;
        });
        await using var check = service.OpenDatabase();
        var sent = await check.Outbox.Where(m => m.Status == DeliveryStatus.Sent).Select(m => m.Address).ToListAsync(Ct);
        Assert.Contains("quick-chat", sent);
        stuck.SetResult(new SendOutcome.Sent("late"));
    }

    [Fact]
    public async Task A_backlog_of_300_replies_to_one_chat_never_holds_up_the_other_chats()
    {
        // Telegram's one message a second to one chat, on the real clock (see DispatchRateLimiter).
        var telegram = new ScriptedChannel(Channel.Telegram);
        await using var service = await RunningService.StartAsync(services: s => s.AddSingleton<IChannelSender>(telegram),
            settings: ["--Dispatch:Telegram:PerRecipientPerSecond=1"]);
        var backlog = await Task.WhenAll(Enumerable.Range(0, 300).Select(_ => ScriptedChannel.ReceiveAsync(service, Channel.Telegram, "busy-chat", "٩")));
        await Task.WhenAll(backlog.Select(r => r.Processed));

        var others = DateTime.UtcNow;
        var quick = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => ScriptedChannel.ReceiveAsync(service, Channel.Telegram, $"chat-{i}", "مرحبا")));
        await Task.WhenAll(quick.Select(r => r.Processed));
        await Eventually.UntilAsync(() => Enumerable.Range(0, 5).All(i => telegram.Attempts.Any(a => a.Message.Address == $"chat-{i}")));

        var waited = telegram.Attempts.Where(a => a.Message.Address.StartsWith("chat-", StringComparison.Ordinal)).Max(a => a.At) - others;
        Assert.True(waited < TimeSpan.FromSeconds(2), $"the other chats waited {waited.TotalSeconds:F1} s behind one chat's backlog");
        Assert.True(telegram.Attempts.Count(a => a.Message.Address == "busy-chat") < 30, "the busy chat was sent to faster than its limit");
    }

    [Fact]
    public async Task Telegram_gets_at_most_one_message_a_second_per_chat_and_the_channel_limit_overall()
    {
        // System.Threading.RateLimiting reads the real clock, so this one waits about two real seconds.
        var telegram = new ScriptedChannel(Channel.Telegram);
        await using var service = await RunningService.StartAsync(services: s => s.AddSingleton<IChannelSender>(telegram),
            settings: ["--Dispatch:Telegram:PerSecond=4", "--Dispatch:Telegram:PerRecipientPerSecond=1"]);

        foreach (var text in new[] { "مرحبا", "1", "0" }) await (await ScriptedChannel.ReceiveAsync(service, Channel.Telegram, "busy-chat", text)).Processed;
        for (var i = 0; i < 6; i++) await (await ScriptedChannel.ReceiveAsync(service, Channel.Telegram, $"chat-{i}", "مرحبا")).Processed;
        await service.WaitUntilIdleAsync();

        var attempts = telegram.Attempts.ToList();
        var busy = attempts.Where(a => a.Message.Address == "busy-chat").Select(a => a.At).ToList();
        Assert.Equal(3, busy.Count);
        Assert.True(busy[1] - busy[0] >= TimeSpan.FromMilliseconds(900), $"second reply to one chat came {(busy[1] - busy[0]).TotalMilliseconds} ms after the first");
        Assert.True(busy[2] - busy[1] >= TimeSpan.FromMilliseconds(900));

        var first = attempts.Min(a => a.At);
        Assert.Equal(9, attempts.Count);
        Assert.True(attempts.Count(a => a.At - first < TimeSpan.FromMilliseconds(900)) <= 4, "more than 4 sends in the first second");
    }

    [Fact]
    public async Task A_reply_on_a_channel_that_is_off_is_kept_as_failed_for_staff_not_left_waiting()
    {
        await using var service = await RunningService.StartAsync();
        await (await ScriptedChannel.ReceiveAsync(service, Channel.Sms, "+966501234567", "مرحبا")).Processed;
        await service.WaitUntilIdleAsync();

        await using var db = service.OpenDatabase();
        var reply = await db.Outbox.SingleAsync(Ct);
        Assert.Equal(DeliveryStatus.Failed, reply.Status);
        Assert.Equal("not sent: Sms is off (its settings are not set)", reply.LastError);
        Assert.NotNull((await db.Inbox.SingleAsync(Ct)).ProcessedAt);
    }

    [Fact]
    public async Task No_more_recipients_are_sent_to_at_once_than_the_setting_allows()
    {
        var release = new TaskCompletionSource<SendOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        var sending = 0;
        var most = 0;
        var telegram = new ScriptedChannel(Channel.Telegram, async (m, _) =>
        {
            var now = Interlocked.Increment(ref sending);
            InterlockedMax(ref most, now);
            try
            {
                return await release.Task;
            }
            finally
            {
                Interlocked.Decrement(ref sending);
            }
        });
        await using var service = await RunningService.StartAsync(services: s => s.AddSingleton<IChannelSender>(telegram),
            settings: ["--Dispatch:RecipientsInParallel=2"]);

        for (var i = 0; i < 5; i++) await (await ScriptedChannel.ReceiveAsync(service, Channel.Telegram, $"chat-{i}", "مرحبا")).Processed;
        await Eventually.UntilAsync(() => telegram.Attempts.Count == 2);
        await Task.Delay(200, Ct); // real time: the others must not start while both slots are taken
        Assert.Equal(2, telegram.Attempts.Count);

        release.SetResult(new SendOutcome.Sent("ok"));
        await service.WaitUntilIdleAsync();
        Assert.Equal(5, telegram.Attempts.Count);
        Assert.Equal(2, most);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        for (var seen = target; value > seen; seen = target)
        {
            if (Interlocked.CompareExchange(ref target, value, seen) == seen) return;
        }
    }

    [Fact]
    public async Task Every_reply_is_sent_exactly_once_while_many_chats_write_at_once()
    {
        var telegram = new ScriptedChannel(Channel.Telegram, async (m, _) =>
        {
            await Task.Delay(Random.Shared.Next(0, 5));
            return new SendOutcome.Sent($"m-{m.Id}");
        });
        await using var service = await RunningService.StartAsync(services: s => s.AddSingleton<IChannelSender>(telegram),
            settings: ["--Dispatch:Telegram:PerRecipientPerSecond=0", "--Dispatch:Telegram:PerSecond=10000"]);

        await Task.WhenAll(Enumerable.Range(0, 20).Select(async chat =>
        {
            foreach (var text in new[] { "مرحبا", "1", "0", "2", "0", "5", "0" })
                await ScriptedChannel.ReceiveAsync(service, Channel.Telegram, $"chat-{chat}", text);
        }));
        await service.WaitUntilIdleAsync();

        await using var db = service.OpenDatabase();
        Assert.Equal(await db.Outbox.CountAsync(Ct), telegram.Attempts.Count);
        Assert.Equal(telegram.Attempts.Count, telegram.Attempts.Select(a => a.Message.Id).Distinct().Count());
        // And in order within each chat.
        foreach (var chat in telegram.Attempts.GroupBy(a => a.Message.Address))
            Assert.Equal(chat.Select(a => a.Message.Id).Order(), chat.Select(a => a.Message.Id));
    }
}
