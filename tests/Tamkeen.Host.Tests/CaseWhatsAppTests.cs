using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Tamkeen.Host.Messaging;
using Tamkeen.Host.Staff;
using static Tamkeen.Host.Tests.TwilioTestKit;

namespace Tamkeen.Host.Tests;

/// <summary>A WhatsApp person's case answered from the console, through Prism validating the Twilio API calls.</summary>
[Collection(PrismTwilioCollection.Name)]
public class CaseWhatsAppTests(PrismTwilioApi prism)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_console_reply_more_than_24_hours_after_the_persons_last_message_goes_as_the_template_never_free_text()
    {
        // Wednesday 10:00 in Riyadh; 25 hours on it is Thursday 11:00, working hours still.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 7, 0, 0, TimeSpan.Zero));
        var calls = new TwilioCalls();
        await using var service = await RunningService.StartAsync(time: clock, services: Record(calls),
            settings: TwilioSettings(prism.BaseAddress, sms: true, template: TemplateSid));
        await SendAsync(service, PersonOnWhatsApp, "مرحبا");
        await service.WaitUntilIdleAsync();
        await SendAsync(service, PersonOnWhatsApp, "موظف");
        await service.WaitUntilIdleAsync();
        string reference;
        await using (var db = service.OpenDatabase()) reference = (await db.Cases.SingleAsync(Ct)).Reference;
        var before = calls.All.Count;

        clock.Advance(TimeSpan.FromHours(25));
        await service.WaitUntilIdleAsync();
        using var staff = await StaffConsole.SignedInAsync(service, StaffRoles.Staff, "sara");
        using var replied = await StaffConsole.PostFormAsync(staff, $"staff/cases/{reference}", "reply", ("ReplyInput.Text", "راجعنا ملفك، وسنتصل بك غداً."));
        Assert.Equal(HttpStatusCode.OK, replied.StatusCode);
        Assert.Contains("أُرسل الرد إلى المستفيد", WebUtility.HtmlDecode(await replied.Content.ReadAsStringAsync(Ct)));
        await service.WaitUntilIdleAsync();

        var call = Assert.Single(calls.All.Skip(before));
        Assert.Equal(201, call.Status);
        Assert.Equal((PersonOnWhatsApp, WhatsAppFrom, TemplateSid), (call.Form["To"], call.Form["From"], call.Form["ContentSid"]));
        Assert.False(call.Form.ContainsKey("Body"), "Outside the 24-hour window only the template may go.");
        Assert.Contains("راجعنا ملفك", JsonDocument.Parse(call.Form["ContentVariables"]).RootElement.GetProperty("1").GetString());
        await using var after = service.OpenDatabase();
        var reply = await after.Outbox.OrderBy(m => m.Id).LastAsync(Ct);
        Assert.Equal((DeliveryStatus.Sent, "whatsapp-template"), (reply.Status, reply.Route));
    }
}
