using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tamkeen.Core.Conversations;
using Tamkeen.Host.Messaging;
using static Tamkeen.Host.Tests.TwilioTestKit;

namespace Tamkeen.Host.Tests;

public class TwilioWebhookTests
{
    [Fact]
    public void Tests_sign_webhooks_exactly_as_in_Twilios_documented_example()
    {
        var parameters = new Dictionary<string, string>
        {
            ["CallSid"] = "CA1234567890ABCDE", ["Caller"] = "+12349013030", ["Digits"] = "1234", ["From"] = "+12349013030", ["To"] = "+18005551212",
        };
        Assert.Equal("0/KCTR6DLpKmkAf8muzZqo1nDgQ=", Sign("https://mycompany.com/myapp.php?foo=1&bar=2", parameters, "12345"));
    }

    [Fact]
    public async Task Forged_and_unsigned_webhooks_are_refused_and_nothing_is_stored()
    {
        await using var fake = await TwilioFakeApi.StartAsync();
        await using var service = await RunningService.StartAsync(settings: TwilioSettings(fake.BaseAddress));
        var message = Message(PersonOnWhatsApp, "مرحبا");
        var loopbackUrl = new Uri(service.BaseAddress, "/twilio/messages").ToString();
        var tampered = new Dictionary<string, string>(message) { ["Body"] = "تم التعديل" };

        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(service, "/twilio/messages", message, signature: null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(service, "/twilio/messages", message, Sign(PublicBaseUrl + "/twilio/messages", message, "ffffffffffffffffffffffffffffffff"))).StatusCode);
        // Signed for the address the service sees rather than the one Twilio called.
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(service, "/twilio/messages", message, Sign(loopbackUrl, message))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(service, "/twilio/messages", tampered, Sign(PublicBaseUrl + "/twilio/messages", message))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(service, "/twilio/status", new() { ["MessageSid"] = NewMessageSid(), ["MessageStatus"] = "failed" }, signature: null)).StatusCode);
        await using (var db = service.OpenDatabase()) Assert.Equal(0, await db.Inbox.CountAsync());

        using var signed = await PostAsync(service, "/twilio/messages", message);
        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
        await using (var db = service.OpenDatabase()) Assert.Equal(1, await db.Inbox.CountAsync());
    }

    [Fact]
    public async Task The_same_MessageSid_twice_is_stored_and_answered_once()
    {
        await using var fake = await TwilioFakeApi.StartAsync();
        var calls = new TwilioCalls();
        await using var service = await RunningService.StartAsync(services: Record(calls), settings: TwilioSettings(fake.BaseAddress));
        var message = Message(Person, "مرحبا");

        using var first = await PostAsync(service, "/twilio/messages", message);
        using var again = await PostAsync(service, "/twilio/messages", message);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, again.StatusCode));
        await service.WaitUntilIdleAsync();

        await using var db = service.OpenDatabase();
        var stored = await db.Inbox.SingleAsync();
        Assert.Equal((Channel.Sms, Person, message["MessageSid"]), (stored.Channel, stored.SenderAddress, stored.ChannelMessageId));
        Assert.Single(calls.All);
    }

    [Fact]
    public async Task A_failed_status_callback_marks_the_reply_failed_with_Twilio_error()
    {
        await using var fake = await TwilioFakeApi.StartAsync();
        await using var service = await RunningService.StartAsync(settings: TwilioSettings(fake.BaseAddress));
        await SendAsync(service, PersonOnWhatsApp, "مرحبا");
        await service.WaitUntilIdleAsync();
        string sid;
        long outboxId;
        await using (var db = service.OpenDatabase()) (sid, outboxId) = await db.Outbox.Select(m => new ValueTuple<string, long>(m.ProviderMessageId!, m.Id)).SingleAsync();

        foreach (var status in new[] { "sent", "failed", "sent" })
        {
            var callback = new Dictionary<string, string> { ["AccountSid"] = AccountSid, ["MessageSid"] = sid, ["MessageStatus"] = status };
            if (status == "failed") callback["ErrorCode"] = "63016";
            // To the callback address the reply was sent with, which Twilio signs as it is.
            using var response = await PostAsync(service, $"/twilio/status?outbox={outboxId}", callback);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await using var after = service.OpenDatabase();
        var reply = await after.Outbox.SingleAsync();
        // The late "sent" came after "failed" and does not hide it.
        Assert.Equal((DeliveryStatus.Failed, "failed", "Twilio error 63016"), (reply.Status, reply.ProviderStatus, reply.LastError));
    }

    [Fact]
    public async Task A_photo_is_downloaded_with_the_account_credentials_and_a_failed_download_keeps_Twilio_url()
    {
        await using var fake = await TwilioFakeApi.StartAsync();
        var photo = new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 4 };
        fake.Serve("ME1", photo, "image/jpeg");
        var attachments = Path.Combine(Path.GetTempPath(), "tamkeen-tests", Guid.NewGuid().ToString("N"), "attachments");
        await using var service = await RunningService.StartAsync(settings: TwilioSettings(fake.BaseAddress, more: $"--Attachments:Path={attachments}"));
        var message = Message(PersonOnWhatsApp, "");
        message["NumMedia"] = "2";
        message["MediaUrl0"] = new Uri(fake.BaseAddress, "/media/ME1").ToString();
        message["MediaContentType0"] = "image/jpeg";
        message["MediaUrl1"] = new Uri(fake.BaseAddress, "/media/ME2").ToString();
        message["MediaContentType1"] = "application/pdf";

        using var response = await PostAsync(service, "/twilio/messages", message);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        await using var db = service.OpenDatabase();
        var stored = JsonSerializer.Deserialize<List<Attachment>>((await db.Inbox.SingleAsync()).AttachmentsJson!)!;
        Assert.Equal(2, stored.Count);
        Assert.Equal(photo, await File.ReadAllBytesAsync(service.Services.GetRequiredService<AttachmentStore>().FullPath(stored[0])));
        Assert.Equal(new Attachment("application/pdf", message["MediaUrl1"]), stored[1]);
    }
}
