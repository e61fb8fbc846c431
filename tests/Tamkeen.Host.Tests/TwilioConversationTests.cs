using Microsoft.EntityFrameworkCore;
using Tamkeen.Core.Conversations;
using Tamkeen.Host.Messaging;
using static Tamkeen.Host.Tests.TwilioTestKit;

namespace Tamkeen.Host.Tests;

[Collection(PrismTwilioCollection.Name)]
public class TwilioConversationTests(PrismTwilioApi prism)
{
    [Fact]
    public async Task A_WhatsApp_greeting_is_answered_through_the_Twilio_api_with_the_numbered_menu()
    {
        var calls = new TwilioCalls();
        await using var service = await RunningService.StartAsync(services: Record(calls), settings: TwilioSettings(prism.BaseAddress));

        await SendAsync(service, PersonOnWhatsApp, "مرحبا");
        await service.WaitUntilIdleAsync();

        var call = Assert.Single(calls.All);
        Assert.Equal(201, call.Status);
        Assert.Equal($"/2010-04-01/Accounts/{AccountSid}/Messages.json", call.Url.AbsolutePath);
        Assert.Equal(PersonOnWhatsApp, call.Form["To"]);
        Assert.Equal(WhatsAppFrom, call.Form["From"]);
        Assert.Equal($"{PublicBaseUrl}/twilio/status", call.Form["StatusCallback"]);
        Assert.Contains("\n1- ", call.Form["Body"]);
        Assert.Contains("\n5- ", call.Form["Body"]);

        await using var db = service.OpenDatabase();
        var inbox = await db.Inbox.SingleAsync();
        Assert.Equal((Channel.WhatsApp, PersonOnWhatsApp, "مرحبا"), (inbox.Channel, inbox.SenderAddress, inbox.Text));
        var reply = await db.Outbox.SingleAsync();
        Assert.Equal(DeliveryStatus.Sent, reply.Status);
        Assert.Equal(call.Sid, reply.ProviderMessageId);
        Assert.Null(reply.Route);
    }
}
