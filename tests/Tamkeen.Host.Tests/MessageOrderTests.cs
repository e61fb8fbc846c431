using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tamkeen.Host.Channels.WebChat;

namespace Tamkeen.Host.Tests;

/// <summary>A person's messages sent at once (a double tap, a burst) are processed in the order they were stored.</summary>
public class MessageOrderTests
{
    /// <summary>About order under concurrency, not the web chat's rate limits (see OverloadTests).</summary>
    private static readonly string[] Unlimited = ["--WebChat:MessagesBurst=1000", "--WebChat:NewSessionsPerMinute=10000"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_burst_of_twenty_messages_from_one_person_is_answered_in_stored_order()
    {
        await using var service = await RunningService.StartAsync(settings: Unlimited);
        var (client, session) = await VisitorAsync(service);
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => client.SendAsync($"رسالة {i}")));
        await service.WaitUntilIdleAsync(TimeSpan.FromMinutes(1));

        await AssertAnsweredInStoredOrderAsync(service, session, expected: 1 + 20);
    }

    [Fact]
    public async Task Pairs_sent_at_once_by_many_people_are_each_answered_in_stored_order()
    {
        await using var service = await RunningService.StartAsync(settings: Unlimited);
        var visitors = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => VisitorAsync(service)));
        for (var round = 0; round < 5; round++)
        {
            await Task.WhenAll(visitors.SelectMany(v => new[] { v.Client.SendAsync("٥"), v.Client.SendAsync("1") }));
        }
        await service.WaitUntilIdleAsync(TimeSpan.FromMinutes(1));

        foreach (var (_, session) in visitors) await AssertAnsweredInStoredOrderAsync(service, session, expected: 1 + 10);
    }

    private static async Task<(HttpClient Client, string Session)> VisitorAsync(RunningService service)
    {
        var cookies = new CookieContainer();
        var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = service.BaseAddress };
        Assert.Equal("accepted", await client.SendAsync("مرحبا"));
        return (client, service.Services.GetRequiredService<WebChatSession>().IdIn(cookies.GetCookies(service.BaseAddress)[WebChatSession.CookieName]!.Value)!);
    }

    /// <summary>A lane runs one input at a time, so replies stored in the order of their messages' ids mean processed in that order.</summary>
    private static async Task AssertAnsweredInStoredOrderAsync(RunningService service, string session, int expected)
    {
        await using var db = service.OpenDatabase();
        var stored = await db.Inbox.Where(m => m.SenderAddress == session).OrderBy(m => m.Id).Select(m => (long?)m.Id).ToListAsync(Ct);
        var answered = await db.Outbox.Where(m => m.Address == session).OrderBy(m => m.Id).Select(m => m.InboxMessageId).ToListAsync(Ct);
        Assert.Equal(expected, stored.Count);
        Assert.Equal(stored, answered.Distinct());
    }
}
