using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tamkeen.Core.Beneficiaries;
using Tamkeen.Core.Conversations;
using Tamkeen.Host.Messaging;
using static Tamkeen.Host.Tests.TwilioTestKit;

namespace Tamkeen.Host.Tests;

/// <summary>
/// A send a crash cut off (the row says it was being sent, and no outcome came) after the restart: Twilio is asked
/// before anything is sent again; Telegram, which cannot be asked, gets it once more at most.
/// </summary>
public class InterruptedSendTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_sms_twilio_already_has_is_recorded_as_sent_and_not_sent_again()
    {
        await using var fake = await TwilioFakeApi.StartAsync();
        var (databaseFile, row) = await LeftBeingSentAsync(Channel.Sms, Person, "طلبك قيد الدراسة.");
        fake.Messages.Enqueue(new FakeTwilioMessage("SMalready", Person, SmsFrom, "طلبك قيد الدراسة.", DateTimeOffset.UtcNow, null));

        await using var service = await RunningService.StartAsync(databaseFile, settings: TwilioSettings(fake.BaseAddress, whatsApp: false));
        var sent = await Eventually.FoundAsync(service, db => db.Outbox.FirstOrDefaultAsync(m => m.Id == row && m.Status == DeliveryStatus.Sent, Ct));

        Assert.Equal("SMalready", sent.ProviderMessageId);
        Assert.Null(sent.SendingSince);
        Assert.Single(fake.Messages);
    }

    [Fact]
    public async Task An_sms_twilio_never_got_is_sent_once()
    {
        await using var fake = await TwilioFakeApi.StartAsync();
        var (databaseFile, row) = await LeftBeingSentAsync(Channel.Sms, Person, "طلبك قيد الدراسة.");
        // An earlier message to the same person, with another body, is not taken for it.
        fake.Messages.Enqueue(new FakeTwilioMessage("SMearlier", Person, SmsFrom, "أهلاً بك.", DateTimeOffset.UtcNow, null));

        await using var service = await RunningService.StartAsync(databaseFile, settings: TwilioSettings(fake.BaseAddress, whatsApp: false));
        var sent = await Eventually.FoundAsync(service, db => db.Outbox.FirstOrDefaultAsync(m => m.Id == row && m.Status == DeliveryStatus.Sent, Ct));

        var created = Assert.Single(fake.Messages, m => m.Sid != "SMearlier");
        Assert.Equal(created.Sid, sent.ProviderMessageId);
        Assert.Equal(row, created.OutboxId);
    }

    [Fact]
    public async Task A_second_identical_sms_cut_off_is_sent_and_not_taken_for_the_first()
    {
        // Two «not understood» in a row: the first sent and recorded, the second cut off before Twilio was called.
        await using var fake = await TwilioFakeApi.StartAsync();
        var (databaseFile, second) = await LeftBeingSentAsync(Channel.Sms, Person, "عذراً، لم أفهم.");
        await using (var first = await RunningService.StartAsync(databaseFile))
        {
            await using var db = first.OpenDatabase();
            var earlier = await db.Outbox.SingleAsync(m => m.Id == second, Ct);
            db.Outbox.Add(new OutboxMessage
            {
                BeneficiaryId = earlier.BeneficiaryId, Channel = Channel.Sms, Address = Person, Text = earlier.Text, CreatedAt = earlier.CreatedAt,
                NextAttemptAt = earlier.CreatedAt, Attempts = 1, Status = DeliveryStatus.Sent, SentAt = earlier.SendingSince!.Value.AddMilliseconds(-100),
                ProviderMessageId = "SMfirst",
            });
            await db.SaveChangesAsync(Ct);
        }
        fake.Messages.Enqueue(new FakeTwilioMessage("SMfirst", Person, SmsFrom, "عذراً، لم أفهم.", DateTimeOffset.UtcNow, null));

        await using var service = await RunningService.StartAsync(databaseFile, settings: TwilioSettings(fake.BaseAddress, whatsApp: false));
        var sent = await Eventually.FoundAsync(service, db => db.Outbox.FirstOrDefaultAsync(m => m.Id == second && m.Status == DeliveryStatus.Sent, Ct));

        Assert.NotEqual("SMfirst", sent.ProviderMessageId);
        Assert.Equal(second, Assert.Single(fake.Messages, m => m.Sid != "SMfirst").OutboxId);
    }

    [Fact]
    public async Task While_twilio_cannot_say_whether_it_has_the_sms_nothing_is_sent()
    {
        await using var fake = await TwilioFakeApi.StartAsync();
        var (databaseFile, row) = await LeftBeingSentAsync(Channel.Sms, Person, "طلبك قيد الدراسة.");
        fake.AnswerList(500, """{"code":20500,"message":"Internal Server Error","status":500}""");

        await using var service = await RunningService.StartAsync(databaseFile, settings: TwilioSettings(fake.BaseAddress, whatsApp: false));
        var waiting = await Eventually.FoundAsync(service, db => db.Outbox.FirstOrDefaultAsync(m => m.Id == row && m.LastError != null, Ct));

        Assert.Equal(DeliveryStatus.Pending, waiting.Status);
        Assert.NotNull(waiting.SendingSince);
        Assert.Contains("not known yet", waiting.LastError);
        Assert.Empty(fake.Messages);
    }

    [Fact]
    public async Task Every_twilio_send_is_recorded_as_being_sent_before_twilio_is_called()
    {
        await using var fake = await TwilioFakeApi.StartAsync();
        await using var service = await RunningService.StartAsync(settings: TwilioSettings(fake.BaseAddress, whatsApp: false));
        var seen = new System.Collections.Concurrent.ConcurrentBag<DateTimeOffset?>();
        fake.OnCreate = (_, callback) =>
        {
            var outboxId = long.Parse(System.Web.HttpUtility.ParseQueryString(callback!.Query)["outbox"]!, System.Globalization.CultureInfo.InvariantCulture);
            using var db = service.OpenDatabase();
            seen.Add(db.Outbox.Single(m => m.Id == outboxId).SendingSince);
        };

        foreach (var text in new[] { "مرحبا", "2", "0" }) await SendAsync(service, Person, text);
        await service.WaitUntilIdleAsync();

        Assert.Equal(3, seen.Count);
        Assert.All(seen, since => Assert.NotNull(since));
        await using var check = service.OpenDatabase();
        Assert.All(await check.Outbox.ToListAsync(Ct), m => Assert.Null(m.SendingSince));
    }

    [Fact]
    public async Task A_telegram_reply_cut_off_once_is_sent_again_and_cut_off_twice_is_not_sent_a_third_time()
    {
        var (databaseFile, once) = await LeftBeingSentAsync(Channel.Telegram, "chat-once", "أهلاً بك.");
        var twice = await AddBeingSentAsync(databaseFile, Channel.Telegram, "chat-twice", "أهلاً بك.", interruptedBefore: 1);

        var telegram = new ScriptedChannel(Channel.Telegram);
        await using var service = await RunningService.StartAsync(databaseFile, services: s => s.AddSingleton<IChannelSender>(telegram));
        await Eventually.FoundAsync(service, db => db.Outbox.FirstOrDefaultAsync(m => m.Id == once && m.Status == DeliveryStatus.Sent, Ct));
        var failed = await Eventually.FoundAsync(service, db => db.Outbox.FirstOrDefaultAsync(m => m.Id == twice && m.Status == DeliveryStatus.Failed, Ct));

        Assert.Equal([once], telegram.Attempts.Select(a => a.Message.Id));
        Assert.Contains("not sent a third time", failed.LastError);
        Assert.Equal(2, failed.InterruptedSends);
    }

    /// <summary>A first run that has no sender for the channel leaves the row as a crash mid-send would.</summary>
    private static async Task<(string DatabaseFile, long Row)> LeftBeingSentAsync(Channel channel, string address, string text)
    {
        var databaseFile = RunningService.NewDatabaseFile();
        return (databaseFile, await AddBeingSentAsync(databaseFile, channel, address, text, interruptedBefore: 0));
    }

    private static async Task<long> AddBeingSentAsync(string databaseFile, Channel channel, string address, string text, int interruptedBefore)
    {
        await using var first = await RunningService.StartAsync(databaseFile);
        await using var db = first.OpenDatabase();
        var now = DateTimeOffset.UtcNow;
        var person = new Beneficiary { CreatedAt = now, Identities = [new ChannelIdentity { Channel = channel, Address = address }] };
        db.Beneficiaries.Add(person);
        await db.SaveChangesAsync(Ct);
        var row = new OutboxMessage
        {
            BeneficiaryId = person.Id, Channel = channel, Address = address, Text = text, CreatedAt = now.AddSeconds(-1), NextAttemptAt = now.AddSeconds(-1),
            Attempts = 1 + interruptedBefore, SendingSince = now.AddMilliseconds(-500), InterruptedSends = interruptedBefore,
        };
        db.Outbox.Add(row);
        await db.SaveChangesAsync(Ct);
        return row.Id;
    }
}
