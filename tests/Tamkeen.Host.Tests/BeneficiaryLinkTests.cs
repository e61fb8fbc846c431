using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Tamkeen.Core.Conversations;
using Tamkeen.Host.Messaging;

namespace Tamkeen.Host.Tests;

public class BeneficiaryLinkTests
{
    private const string Phone = "+966501234567";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<RunningService> StartAsync() => RunningService.StartAsync(services: s =>
    {
        foreach (var channel in new[] { Channel.Telegram, Channel.WhatsApp, Channel.Sms }) s.AddSingleton<IChannelSender>(new ScriptedChannel(channel));
    });

    private static async Task SayAsync(RunningService service, Channel channel, string address, string text, string? phone = null) =>
        await (await ScriptedChannel.ReceiveAsync(service, channel, address, text, phone)).Processed;

    [Fact]
    public async Task The_same_number_on_WhatsApp_and_SMS_is_one_person_with_one_conversation()
    {
        await using var service = await StartAsync();
        await SayAsync(service, Channel.WhatsApp, "whatsapp:" + Phone, "مرحبا", Phone);
        await SayAsync(service, Channel.Sms, Phone, "5", Phone);

        await using var db = service.OpenDatabase();
        var identities = await db.ChannelIdentities.ToListAsync(Ct);
        Assert.Equal(2, identities.Count);
        Assert.Single(identities.Select(i => i.BeneficiaryId).Distinct());
        // The SMS "5" answered the menu the WhatsApp message opened: one conversation, now choosing feedback.
        var conversation = await db.Conversations.SingleAsync(Ct);
        Assert.Equal(ConversationState.FeedbackKind, conversation.State);
    }

    [Fact]
    public async Task A_telegram_user_sharing_their_number_joins_the_person_with_that_number_bringing_their_records()
    {
        await using var service = await StartAsync();
        await SayAsync(service, Channel.Sms, Phone, "مرحبا", Phone);
        foreach (var text in new[] { "مرحبا", "5", "2", "تأخر صرف المساعدة الشهرية عن موعدها هذا الشهر" })
            await SayAsync(service, Channel.Telegram, "4242", text);
        await SayAsync(service, Channel.Telegram, "4242", Phone, phone: Phone);

        await using var db = service.OpenDatabase();
        var owner = (await db.ChannelIdentities.SingleAsync(i => i.Channel == Channel.Sms, Ct)).BeneficiaryId;
        var telegram = await db.ChannelIdentities.SingleAsync(i => i.Channel == Channel.Telegram, Ct);
        Assert.Equal(owner, telegram.BeneficiaryId);
        Assert.Equal(Phone, telegram.Phone);
        Assert.Equal(owner, (await db.Feedback.SingleAsync(Ct)).BeneficiaryId);
        Assert.All(await db.Inbox.ToListAsync(Ct), m => Assert.Equal(owner, m.BeneficiaryId));
        Assert.Equal(owner, (await db.Conversations.SingleAsync(Ct)).BeneficiaryId);

        // Later messages from the Telegram chat go straight to the joined record.
        await SayAsync(service, Channel.Telegram, "4242", "0");
        Assert.Single(await db.Conversations.Select(c => c.BeneficiaryId).Distinct().ToListAsync(Ct));
        Assert.Equal(owner, (await db.Inbox.OrderBy(m => m.Id).LastAsync(Ct)).BeneficiaryId);
    }

    [Fact]
    public async Task A_person_waiting_for_staff_who_shares_their_number_from_another_channel_keeps_their_case()
    {
        await using var service = await StartAsync();
        await SayAsync(service, Channel.Sms, Phone, "مرحبا", Phone);
        await SayAsync(service, Channel.Sms, Phone, "موظف", Phone);
        await SayAsync(service, Channel.Telegram, "4242", "مرحبا");
        await SayAsync(service, Channel.Telegram, "4242", Phone, phone: Phone);

        await using var db = service.OpenDatabase();
        var staffCase = await db.Cases.SingleAsync(Ct);
        Assert.Equal(Handoff.CaseStatus.Open, staffCase.Status);
        Assert.Equal((await db.ChannelIdentities.SingleAsync(i => i.Channel == Channel.Telegram, Ct)).BeneficiaryId, staffCase.BeneficiaryId);
        Assert.Equal(staffCase.Reference, (await db.Conversations.SingleAsync(Ct)).Handoff?.Reference);
    }

    [Fact]
    public async Task Replies_still_waiting_to_be_sent_stay_with_the_joined_person()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var telegram = new ScriptedChannel(Channel.Telegram, (m, attempt) => Task.FromResult<SendOutcome>(attempt == 1
            ? new SendOutcome.Transient("429 Too Many Requests", RetryAfter: TimeSpan.FromMinutes(1))
            : new SendOutcome.Sent($"m-{m.Id}")));
        await using var service = await RunningService.StartAsync(time: clock, services: s =>
        {
            s.AddSingleton<IChannelSender>(telegram);
            s.AddSingleton<IChannelSender>(new ScriptedChannel(Channel.Sms));
        }, settings: ["--Dispatch:Telegram:PerRecipientPerSecond=0"]);
        await SayAsync(service, Channel.Sms, Phone, "مرحبا", Phone);
        await SayAsync(service, Channel.Telegram, "4242", "مرحبا");
        await Eventually.FoundAsync(service, db => db.Outbox.FirstOrDefaultAsync(m => m.Channel == Channel.Telegram && m.Attempts == 1 && m.SendingSince == null, Ct));

        // This reply waits in memory behind the retry while the next message joins the two records.
        await SayAsync(service, Channel.Telegram, "4242", "5");
        await SayAsync(service, Channel.Telegram, "4242", Phone, phone: Phone);
        clock.Advance(TimeSpan.FromMinutes(1));
        await service.WaitUntilIdleAsync();

        await using var db = service.OpenDatabase();
        var owner = (await db.ChannelIdentities.SingleAsync(i => i.Channel == Channel.Sms, Ct)).BeneficiaryId;
        var replies = await db.Outbox.Where(m => m.Channel == Channel.Telegram).ToListAsync(Ct);
        Assert.Equal(3, replies.Count);
        Assert.All(replies, m => Assert.Equal((owner, DeliveryStatus.Sent), (m.BeneficiaryId, m.Status)));
    }
}
