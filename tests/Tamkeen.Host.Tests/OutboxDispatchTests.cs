using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Tamkeen.Core.Conversations;
using Tamkeen.Host.Messaging;

namespace Tamkeen.Host.Tests;

public class OutboxDispatchTests
{
    /// <summary>A channel that is down for its first few sends, and records what it delivered.</summary>
    private sealed class FlakyChannel(int failures) : IChannelSender
    {
        private int _failuresLeft = failures;
        public List<long> Delivered { get; } = [];
        public Channel Channel => Channel.WebChat;

        public Task<SendOutcome> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
        {
            if (Interlocked.Decrement(ref _failuresLeft) >= 0) throw new HttpRequestException("channel unavailable");
            lock (Delivered) Delivered.Add(message.Id);
            return Task.FromResult<SendOutcome>(new SendOutcome.Sent(null));
        }
    }

    [Fact]
    public async Task A_failed_send_is_retried_with_backoff_and_delivered_once_in_order()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var channel = new FlakyChannel(failures: 2);
        await using var service = await RunningService.StartAsync(time: clock,
            services: s => s.Replace(ServiceDescriptor.Singleton<IChannelSender>(channel)),
            settings: ["--Dispatch:RetryBaseDelay=00:00:02"]);
        using var visitor = service.NewVisitor();
        await visitor.SendAsync("مرحبا");
        await visitor.SendAsync("5");

        var first = await WaitForAsync(service, db => db.Outbox.OrderBy(m => m.Id).FirstOrDefaultAsync(m => m.Attempts == 1 && m.Status == DeliveryStatus.Pending && m.SendingSince == null));
        // Backoff with jitter: half to all of 2 s, then of 4 s.
        Assert.InRange(first.NextAttemptAt - clock.GetUtcNow(), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
        Assert.Empty(channel.Delivered);

        clock.Advance(TimeSpan.FromSeconds(2));
        var second = await WaitForAsync(service, db => db.Outbox.OrderBy(m => m.Id).FirstOrDefaultAsync(m => m.Attempts == 2 && m.Status == DeliveryStatus.Pending && m.SendingSince == null));
        Assert.InRange(second.NextAttemptAt - clock.GetUtcNow(), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4));

        clock.Advance(TimeSpan.FromSeconds(4));
        await service.WaitUntilIdleAsync();
        await using var db = service.OpenDatabase();
        var sent = await db.Outbox.OrderBy(m => m.Id).ToListAsync();
        Assert.Equal(sent.Select(m => m.Id), channel.Delivered);
        Assert.All(sent, m => Assert.Equal(DeliveryStatus.Sent, m.Status));
        Assert.Equal(3, sent[0].Attempts);
    }

    private static async Task<T> WaitForAsync<T>(RunningService service, Func<Data.TamkeenDb, Task<T?>> query) where T : class
    {
        for (var i = 0; i < 2000; i++)
        {
            await using var db = service.OpenDatabase();
            if (await query(db) is { } found) return found;
            await Task.Delay(10);
        }
        throw new TimeoutException("The expected outbox state was not reached.");
    }
}
