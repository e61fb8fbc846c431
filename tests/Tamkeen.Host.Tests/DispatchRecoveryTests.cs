using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Tamkeen.Core.Beneficiaries;
using Tamkeen.Core.Conversations;
using Tamkeen.Host.Messaging;

namespace Tamkeen.Host.Tests;

/// <summary>What an earlier run left in the outbox is sent after a restart, as the earlier run would have sent it.</summary>
public class DispatchRecoveryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Replies_left_pending_are_sent_after_a_restart_in_order_and_a_scheduled_retry_keeps_its_time()
    {
        var databaseFile = RunningService.NewDatabaseFile();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var now = clock.GetUtcNow();
        long[] ids;
        // The first run has no Telegram sender, so it leaves these rows as they are.
        await using (var first = await RunningService.StartAsync(databaseFile, clock))
        {
            await using var db = first.OpenDatabase();
            var person = new Beneficiary
            {
                CreatedAt = now,
                Identities =
                [
                    new ChannelIdentity { Channel = Channel.Telegram, Address = "waiting-chat" },
                    new ChannelIdentity { Channel = Channel.Telegram, Address = "ready-chat" },
                    new ChannelIdentity { Channel = Channel.Telegram, Address = "blocked-chat", UnreachableSince = now },
                ],
            };
            db.Beneficiaries.Add(person);
            await db.SaveChangesAsync(Ct);
            OutboxMessage Row(string address, int attempts = 0, DateTimeOffset? next = null, DeliveryStatus status = DeliveryStatus.Pending) => new()
            {
                BeneficiaryId = person.Id, Channel = Channel.Telegram, Address = address, Text = "…", CreatedAt = now,
                Attempts = attempts, NextAttemptAt = next ?? now, Status = status,
            };
            var rows = new[]
            {
                Row("waiting-chat", attempts: 2, next: now.AddHours(1)),
                Row("ready-chat"),
                Row("waiting-chat"),
                Row("ready-chat"),
                Row("sent-chat", attempts: 1, status: DeliveryStatus.Sent),
                Row("blocked-chat"),
            };
            foreach (var row in rows)
            {
                db.Outbox.Add(row);
                await db.SaveChangesAsync(Ct); // one at a time, so the ids follow this order
            }
            ids = [.. rows.Select(r => r.Id)];
        }

        var telegram = new ScriptedChannel(Channel.Telegram);
        await using var second = await RunningService.StartAsync(databaseFile, clock, s => s.AddSingleton<IChannelSender>(telegram),
            "--Dispatch:Telegram:PerRecipientPerSecond=0");
        await Eventually.UntilAsync(() => telegram.Attempts.Count == 2);
        await Eventually.FoundAsync(second, db => db.Outbox.FirstOrDefaultAsync(m => m.Id == ids[5] && m.Status == DeliveryStatus.Failed, Ct));
        Assert.Equal([ids[1], ids[3]], telegram.Attempts.Select(a => a.Message.Id));

        clock.Advance(TimeSpan.FromHours(1));
        await second.WaitUntilIdleAsync();
        Assert.Equal([ids[1], ids[3], ids[0], ids[2]], telegram.Attempts.Select(a => a.Message.Id));
        await using var check = second.OpenDatabase();
        var stored = await check.Outbox.ToDictionaryAsync(m => m.Id, Ct);
        Assert.Equal(3, stored[ids[0]].Attempts);
        Assert.All([ids[0], ids[1], ids[2], ids[3]], id => Assert.Equal(DeliveryStatus.Sent, stored[id].Status));
        Assert.Contains("cannot be reached", stored[ids[5]].LastError);
    }
}
