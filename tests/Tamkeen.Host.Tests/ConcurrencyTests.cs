using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tamkeen.Core.Conversations;
using Tamkeen.Host.Channels.WebChat;

namespace Tamkeen.Host.Tests;

public class ConcurrencyTests
{
    /// <summary>About order under concurrency, not the web chat's rate limits (see OverloadTests).</summary>
    private static readonly string[] Unlimited = ["--WebChat:MessagesBurst=1000", "--WebChat:NewSessionsPerMinute=10000"];

    private const int Beneficiaries = 200;
    private const int MessagesEach = 20;

    /// <summary>Each visitor sends a suggestion every 4 messages: "5", "1", the text, and a number that is no menu item.</summary>
    private static string Script(int visitor, int step) => (step % 4) switch
    {
        0 => "٥",
        1 => "1",
        2 => $"اقتراح رقم {step / 4} من الزائر {visitor}",
        _ => "٩",
    };

    [Fact]
    public async Task Two_hundred_visitors_sending_twenty_messages_at_once_each_get_every_reply_in_order()
    {
        await using var service = await RunningService.StartAsync(settings: Unlimited);
        var sessions = new string[Beneficiaries];
        await Task.WhenAll(Enumerable.Range(0, Beneficiaries).Select(async visitor =>
        {
            var cookies = new System.Net.CookieContainer();
            using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = service.BaseAddress };
            for (var step = 0; step < MessagesEach; step++) Assert.Equal("accepted", await client.SendAsync(Script(visitor, step)));
            sessions[visitor] = service.Services.GetRequiredService<WebChatSession>().IdIn(cookies.GetCookies(service.BaseAddress)[WebChatSession.CookieName]!.Value)!;
        }));
        await service.WaitUntilIdleAsync(TimeSpan.FromMinutes(2));

        await using var db = service.OpenDatabase();
        var inbox = (await db.Inbox.ToListAsync()).ToLookup(m => m.SenderAddress);
        var outbox = (await db.Outbox.ToListAsync()).ToLookup(m => m.Address);
        var feedback = (await db.Feedback.ToListAsync()).ToDictionary(f => f.Reference);
        Assert.Equal(Beneficiaries * MessagesEach, inbox.Sum(g => g.Count()));
        Assert.Equal(Beneficiaries * MessagesEach / 4, feedback.Count);

        for (var visitor = 0; visitor < Beneficiaries; visitor++)
        {
            var received = inbox[sessions[visitor]].OrderBy(m => m.Id).ToList();
            var replies = outbox[sessions[visitor]].OrderBy(m => m.Id).ToList();
            Assert.Equal(Enumerable.Range(0, MessagesEach).Select(step => Script(visitor, step)), received.Select(m => m.Text));
            // One reply per message, stored in the order the messages arrived, none lost or doubled.
            Assert.Equal(received.Select(m => (long?)m.Id), replies.Select(r => r.InboxMessageId));
            for (var step = 0; step < MessagesEach; step++)
            {
                var reply = replies[step].Text;
                switch (step % 4)
                {
                    case 0: Assert.Contains("هل المطلوب تقديم اقتراح أم شكوى؟", reply); break;
                    case 1: Assert.Equal("يرجى كتابة الاقتراح في رسالة واحدة، وسنوصله إلى إدارة الجمعية.", reply); break;
                    case 2:
                        var reference = Core.Feedback.FeedbackReference.Create(Core.Feedback.FeedbackKind.Suggestion, received[step].ReceivedAt,
                            received[step].Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
                        Assert.Contains($"ورقمه المرجعي \u2066{reference}\u2069", reply);
                        Assert.Equal(Script(visitor, step), feedback[reference].Text);
                        break;
                    default: Assert.StartsWith("عذراً، لم أفهم رسالتك.", reply); break;
                }
            }
            Assert.All(replies, r => Assert.Equal(Host.Messaging.DeliveryStatus.Sent, r.Status));
        }
        Assert.All(await db.Conversations.ToListAsync(), c => Assert.Equal(ConversationState.MainMenu, c.State));
    }
}
