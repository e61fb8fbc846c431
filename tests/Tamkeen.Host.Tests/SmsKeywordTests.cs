using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tamkeen.Core.Beneficiaries;
using Tamkeen.Core.Conversations;
using Tamkeen.Host.Content;
using Tamkeen.Host.Data;
using Tamkeen.Host.Messaging;

namespace Tamkeen.Host.Tests;

/// <summary>STOP, START and HELP by SMS through the real service: inbox, lane, conversation, identities and outbox.</summary>
public class SmsKeywordTests
{
    private const string Number = "+966551234567";

    private static async Task<OutboxMessage> SendAsync(RunningService service, string text)
    {
        var intake = service.Services.GetRequiredService<MessageIntake>();
        var message = new InboundMessage(Channel.Sms, Number, $"SM{Guid.NewGuid():N}", text, null, [], DateTimeOffset.UtcNow, SenderPhone: Number);
        var result = await intake.AcceptAsync(message, TestContext.Current.CancellationToken);
        Assert.Equal(IntakeStatus.Accepted, result.Status);
        await result.Processed.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        await using var db = service.OpenDatabase();
        return await db.Outbox.Where(m => m.InboxMessageId == result.InboxId).SingleAsync(TestContext.Current.CancellationToken);
    }

    private static async Task<Dictionary<Channel, ChannelIdentity>> IdentitiesAsync(RunningService service)
    {
        await using var db = service.OpenDatabase();
        return await db.ChannelIdentities.AsNoTracking().ToDictionaryAsync(i => i.Channel, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Stop_opts_out_every_sms_and_whatsapp_identity_of_the_number_and_start_opts_back_in()
    {
        await using var service = await RunningService.StartAsync();
        var texts = service.Services.GetRequiredService<BotContent>().Texts;
        await SendAsync(service, "مرحبا");

        // The same person on WhatsApp and Telegram, linked by their number as the intake links them.
        long beneficiaryId;
        await using (var db = service.OpenDatabase()) beneficiaryId = (await db.ChannelIdentities.SingleAsync(TestContext.Current.CancellationToken)).BeneficiaryId;
        await service.Services.GetRequiredService<DatabaseWriter>().WriteAsync(db =>
        {
            var sms = db.ChannelIdentities.Single(i => i.Channel == Channel.Sms);
            sms.Phone = Number;
            db.ChannelIdentities.Add(new ChannelIdentity { BeneficiaryId = beneficiaryId, Channel = Channel.WhatsApp, Address = $"whatsapp:{Number}", Phone = Number });
            db.ChannelIdentities.Add(new ChannelIdentity { BeneficiaryId = beneficiaryId, Channel = Channel.Telegram, Address = "424242", Phone = Number });
        }, TestContext.Current.CancellationToken);

        var stopped = await SendAsync(service, "إيقاف");
        Assert.Equal(texts[Language.Arabic, TextKey.SubscriptionStopped, Channel.Sms], stopped.Text);
        var identities = await IdentitiesAsync(service);
        // The confirmation was created at the moment of the opt-out, so the dispatcher still sends it.
        Assert.Equal(stopped.CreatedAt, identities[Channel.Sms].OptedOutAt);
        Assert.Equal(stopped.CreatedAt, identities[Channel.WhatsApp].OptedOutAt);
        Assert.Null(identities[Channel.Telegram].OptedOutAt);

        var started = await SendAsync(service, "START");
        Assert.StartsWith(texts[Language.English, TextKey.SubscriptionStarted, Channel.Sms], started.Text, StringComparison.Ordinal);
        Assert.EndsWith(texts[Language.Arabic, TextKey.MenuPrompt, Channel.Sms], started.Text, StringComparison.Ordinal);
        Assert.Equal(["1", "2", "3", "4", "5"], started.Buttons.Select(b => b.Choice));
        identities = await IdentitiesAsync(service);
        Assert.Null(identities[Channel.Sms].OptedOutAt);
        Assert.Null(identities[Channel.WhatsApp].OptedOutAt);

        await using (var db = service.OpenDatabase())
        {
            // The keywords are kept in the inbox like every message.
            Assert.Equal(["مرحبا", "إيقاف", "START"], await db.Inbox.OrderBy(m => m.Id).Select(m => m.Text).ToListAsync(TestContext.Current.CancellationToken));
        }
    }

    [Fact]
    public async Task Help_answers_with_the_contact_line_and_the_request_goes_on()
    {
        await using var service = await RunningService.StartAsync();
        var texts = service.Services.GetRequiredService<BotContent>().Texts;
        await SendAsync(service, "مرحبا");
        await SendAsync(service, "2");
        var askName = await SendAsync(service, "1");
        Assert.Equal(texts[Language.Arabic, TextKey.RequestAskFullName, Channel.Sms], askName.Text);

        var help = await SendAsync(service, "مساعدة");
        Assert.Equal(texts[Language.Arabic, TextKey.HelpContact, Channel.Sms], help.Text);
        Assert.Null((await IdentitiesAsync(service))[Channel.Sms].OptedOutAt);

        var next = await SendAsync(service, "محمد عبدالله السالم");
        Assert.Equal(texts[Language.Arabic, TextKey.RequestAskNationalId, Channel.Sms], next.Text);
    }
}
