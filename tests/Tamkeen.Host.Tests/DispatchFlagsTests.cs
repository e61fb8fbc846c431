using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tamkeen.Core.Conversations;
using Tamkeen.Host.Data;
using Tamkeen.Host.Messaging;

namespace Tamkeen.Host.Tests;

/// <summary>People who sent STOP or cannot be reached get nothing, without the dispatcher looking them up per reply.</summary>
public class DispatchFlagsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A message from the person, then its replies settled (sent or failed).</summary>
    private static async Task<List<OutboxMessage>> ExchangeAsync(RunningService service, Channel channel, string address, string text, string? phone = null)
    {
        var result = await ScriptedChannel.ReceiveAsync(service, channel, address, text, phone);
        await result.Processed;
        await service.WaitUntilIdleAsync();
        await using var db = service.OpenDatabase();
        return await db.Outbox.Where(m => m.InboxMessageId == result.InboxId).OrderBy(m => m.Id).ToListAsync(Ct);
    }

    [Fact]
    public async Task After_stop_only_the_confirmation_is_sent_until_start()
    {
        const string number = "+966551234567";
        var sms = new ScriptedChannel(Channel.Sms);
        await using var service = await RunningService.StartAsync(services: s => s.AddSingleton<IChannelSender>(sms));

        await ExchangeAsync(service, Channel.Sms, number, "مرحبا", number);
        var stopped = Assert.Single(await ExchangeAsync(service, Channel.Sms, number, "STOP", number));
        var whileStopped = Assert.Single(await ExchangeAsync(service, Channel.Sms, number, "1", number));
        var started = Assert.Single(await ExchangeAsync(service, Channel.Sms, number, "START", number));
        var afterStart = Assert.Single(await ExchangeAsync(service, Channel.Sms, number, "1", number));

        Assert.Equal(DeliveryStatus.Sent, stopped.Status);
        Assert.Equal(DeliveryStatus.Failed, whileStopped.Status);
        Assert.Equal("not sent: the person sent STOP", whileStopped.LastError);
        Assert.Equal(DeliveryStatus.Sent, started.Status);
        Assert.Equal(DeliveryStatus.Sent, afterStart.Status);
        Assert.DoesNotContain(sms.Attempts, a => a.Message.Id == whileStopped.Id);
        Assert.Equal(4, sms.Attempts.Count);
    }
}
