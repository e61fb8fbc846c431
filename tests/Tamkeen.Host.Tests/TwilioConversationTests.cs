using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Tamkeen.Core.Conversations;
using Tamkeen.Core.Text;
using Tamkeen.Host.Channels.Twilio;
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
        Assert.Contains("\n1- ", call.Form["Body"]);
        Assert.Contains("\n5- ", call.Form["Body"]);

        await using var db = service.OpenDatabase();
        var inbox = await db.Inbox.SingleAsync();
        Assert.Equal((Channel.WhatsApp, PersonOnWhatsApp, "مرحبا"), (inbox.Channel, inbox.SenderAddress, inbox.Text));
        var reply = await db.Outbox.SingleAsync();
        Assert.Equal($"{PublicBaseUrl}/twilio/status?outbox={reply.Id}", call.Form["StatusCallback"]);
        Assert.Equal(DeliveryStatus.Sent, reply.Status);
        Assert.Equal(call.Sid, reply.ProviderMessageId);
        Assert.Null(reply.Route);
    }

    [Theory]
    [InlineData(PersonOnWhatsApp)]
    [InlineData(Person)]
    public async Task The_menu_then_2_lists_the_services_as_numbered_lines_on_WhatsApp_and_by_SMS(string from)
    {
        var calls = new TwilioCalls();
        await using var service = await RunningService.StartAsync(services: Record(calls), settings: TwilioSettings(prism.BaseAddress));

        await SendAsync(service, from, "مرحبا");
        await service.WaitUntilIdleAsync();
        await SendAsync(service, from, "2");
        await service.WaitUntilIdleAsync();

        var services = calls.All[^1];
        Assert.Equal((201, from), (services.Status, services.Form["To"]));
        Assert.Equal(from == Person ? SmsFrom : WhatsAppFrom, services.Form["From"]);
        Assert.Contains("\n1- تسجيل أسرة جديدة\n2- سلة غذائية\n", services.Form["Body"]);
        Assert.Contains("\n9- تحديث بيانات الأسرة", services.Form["Body"]);

        await using var db = service.OpenDatabase();
        var sent = await db.Outbox.OrderBy(m => m.Id).ToListAsync();
        Assert.All(sent, m => Assert.Equal(DeliveryStatus.Sent, m.Status));
        Assert.Equal(calls.All.Select(c => c.Form["Body"]), sent.Select(m => NumberedText.Render(m.Text, m.Buttons)));
        // SMS rows record what each reply cost; WhatsApp has no segments.
        Assert.Equal(sent.Select(m => from == Person ? SmsSegments.Count(NumberedText.Render(m.Text, m.Buttons)) : (int?)null), sent.Select(m => m.Segments));
    }

    [Theory]
    [InlineData(true, true, TwilioSender.TemplateRoute)]
    [InlineData(false, true, TwilioSender.SmsFallbackRoute)]
    [InlineData(false, false, null)]
    public async Task A_status_notice_25_hours_after_the_last_WhatsApp_message_goes_as_the_template_or_by_SMS(bool template, bool sms, string? route)
    {
        const string token = "test-token-for-sara-0123456789abcdef";
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
        var calls = new TwilioCalls();
        await using var service = await RunningService.StartAsync(time: clock, services: Record(calls),
            settings: TwilioSettings(prism.BaseAddress, sms: sms, template: template ? TemplateSid : null, more: $"--Staff:ApiTokens:sara={token}"));
        foreach (var text in new[] { "مرحبا", "2", "7", "محمد عبدالله السالم", "1012345672", "0551234567", "بريده", "تخطي", "1" })
        {
            await SendAsync(service, PersonOnWhatsApp, text);
            await service.WaitUntilIdleAsync();
        }
        Assert.Contains("تم استلام طلبك برقم مرجعي TMK-2611-", calls.All[^1].Form["Body"]);
        var before = calls.All.Count;

        clock.Advance(TimeSpan.FromHours(25));
        using var staff = new HttpClient { BaseAddress = service.BaseAddress };
        staff.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var reference = (await staff.GetFromJsonAsync<JsonElement>("api/staff/requests"))[0].GetProperty("reference").GetString()!;
        var change = await staff.PostAsJsonAsync($"api/staff/requests/{reference}/status", new { status = "UnderStudy" });
        Assert.Equal(HttpStatusCode.OK, change.StatusCode);
        await service.WaitUntilIdleAsync();

        await using var db = service.OpenDatabase();
        var notice = await db.Outbox.OrderBy(m => m.Id).LastAsync();
        Assert.Contains(reference, notice.Text);
        Assert.Equal(route, notice.Route);
        if (route is null)
        {
            Assert.Equal(before, calls.All.Count);
            Assert.Equal(DeliveryStatus.Failed, notice.Status);
            Assert.Equal("outside WhatsApp's 24-hour window; no template or SMS sender set", notice.LastError);
            return;
        }
        var call = Assert.Single(calls.All.Skip(before));
        Assert.Equal(201, call.Status);
        Assert.Equal((DeliveryStatus.Sent, call.Sid), (notice.Status, notice.ProviderMessageId));
        if (template)
        {
            Assert.Equal((PersonOnWhatsApp, WhatsAppFrom, TemplateSid), (call.Form["To"], call.Form["From"], call.Form["ContentSid"]));
            Assert.False(call.Form.ContainsKey("Body"));
            var variable = JsonDocument.Parse(call.Form["ContentVariables"]).RootElement.GetProperty("1").GetString()!;
            Assert.Contains(reference, variable);
            Assert.DoesNotContain('\n', variable);
        }
        else
        {
            Assert.Equal((Person, SmsFrom), (call.Form["To"], call.Form["From"]));
            Assert.Contains(reference, call.Form["Body"]);
            Assert.Equal(SmsSegments.Count(call.Form["Body"]), notice.Segments);
        }
    }
}
