using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tamkeen.Core.Conversations;
using Tamkeen.Host.Messaging;

namespace Tamkeen.Host.Tests;

public class GroupCommitTests
{
    [Fact]
    public async Task Redeliveries_arriving_with_other_messages_are_refused_alone_and_lose_nothing()
    {
        await using var service = await RunningService.StartAsync();
        var intake = service.Services.GetRequiredService<MessageIntake>();
        var now = DateTimeOffset.UtcNow;
        // 60 people write at once; a third of them are delivered twice by their channel at the same moment.
        var deliveries = Enumerable.Range(0, 60)
            .SelectMany(person => Enumerable.Repeat(person, person % 3 == 0 ? 2 : 1))
            .Select(person => new InboundMessage(Channel.WebChat, $"group-{person}", $"message-{person}", "مرحبا", null, [], now))
            .ToList();

        var results = await Task.WhenAll(deliveries.Select(m => Task.Run(() => intake.AcceptAsync(m, CancellationToken.None))));
        await Task.WhenAll(results.Select(r => r.Processed));

        Assert.Equal(60, results.Count(r => r.Status == IntakeStatus.Accepted));
        Assert.Equal(20, results.Count(r => r.Status == IntakeStatus.Duplicate));
        await using var db = service.OpenDatabase();
        Assert.Equal(60, await db.Inbox.CountAsync(m => m.ProcessedAt != null && m.ProcessingError == null));
        var repliesPerPerson = await db.Outbox.GroupBy(m => m.Address).Select(g => g.Count()).ToListAsync();
        Assert.Equal(60, repliesPerPerson.Count);
        Assert.All(repliesPerPerson, count => Assert.Equal(1, count));
    }
}
