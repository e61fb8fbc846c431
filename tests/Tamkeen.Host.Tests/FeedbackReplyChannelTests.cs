using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Tamkeen.Core.Conversations;
using Tamkeen.Core.Text;
using Tamkeen.Host.Messaging;
using static Tamkeen.Host.Tests.TwilioTestKit;

namespace Tamkeen.Host.Tests;

/// <summary>
/// A staff reply to a complaint sent by WhatsApp or SMS, written in the console over real HTTP and sent to Prism, which
/// checks each request against Twilio's own API description.
/// </summary>
[Collection(PrismTwilioCollection.Name)]
public class FeedbackReplyChannelTests(PrismTwilioApi prism)
{
    private const string Complaint = "تأخر الرد على طلبي أكثر من أسبوعين دون أي اتصال من الجمعية";
    private const string Reply = "نعتذر عن التأخير، وسيتواصل معك الباحث غداً";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_reply_to_a_WhatsApp_complaint_reaches_the_persons_WhatsApp_with_the_reference_and_the_reply()
    {
        var calls = new TwilioCalls();
        await using var service = await RunningService.StartAsync(services: Record(calls), settings: TwilioSettings(prism.BaseAddress));
        var reference = await SendComplaintAsync(service, PersonOnWhatsApp);
        var before = calls.All.Count;

        using var staff = await StaffConsole.SignedInAsync(service);
        (await StaffConsole.PostFormAsync(staff, Page(reference), "reply", ("ReplyInput.Reply", Reply))).Dispose();
        await service.WaitUntilIdleAsync();

        var call = Assert.Single(calls.All.Skip(before));
        Assert.Equal(201, call.Status);
        Assert.Equal((PersonOnWhatsApp, WhatsAppFrom), (call.Form["To"], call.Form["From"]));
        Assert.Equal($"رد الجمعية على شكواك رقم \u2066{reference}\u2069:\n{Reply}", call.Form["Body"]);
        Assert.Contains("ردّ على المرسل (أُرسل):", await PageAsync(staff, reference));
    }

    [Theory]
    [InlineData(true, true, "أُرسل بقالب واتساب المعتمد")]
    [InlineData(false, true, "أُرسل برسالة نصية")]
    [InlineData(false, false, "تعذّر الإرسال")]
    public async Task A_reply_25_hours_after_the_last_WhatsApp_message_goes_as_the_template_or_by_SMS_never_as_WhatsApp_text(
        bool template, bool sms, string shown)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
        var calls = new TwilioCalls();
        await using var service = await RunningService.StartAsync(time: clock, services: Record(calls),
            settings: TwilioSettings(prism.BaseAddress, sms: sms, template: template ? TemplateSid : null));
        var reference = await SendComplaintAsync(service, PersonOnWhatsApp);
        var before = calls.All.Count;

        clock.Advance(TimeSpan.FromHours(25));
        using var staff = await StaffConsole.SignedInAsync(service);
        (await StaffConsole.PostFormAsync(staff, Page(reference), "reply", ("ReplyInput.Reply", Reply))).Dispose();
        await service.WaitUntilIdleAsync();

        var sent = calls.All.Skip(before).ToList();
        Assert.DoesNotContain(sent, c => c.Form["From"] == WhatsAppFrom && c.Form.ContainsKey("Body"));
        Assert.Contains($"ردّ على المرسل ({shown}", await PageAsync(staff, reference));
        if (!template && !sms)
        {
            Assert.Empty(sent);
            return;
        }
        var call = Assert.Single(sent);
        Assert.Equal(201, call.Status);
        if (template)
        {
            Assert.Equal((PersonOnWhatsApp, WhatsAppFrom, TemplateSid), (call.Form["To"], call.Form["From"], call.Form["ContentSid"]));
            var variable = JsonDocument.Parse(call.Form["ContentVariables"]).RootElement.GetProperty("1").GetString()!;
            Assert.Equal($"رد الجمعية على شكواك رقم \u2066{reference}\u2069: · {Reply}", variable);
        }
        else
        {
            Assert.Equal((Person, SmsFrom), (call.Form["To"], call.Form["From"]));
            Assert.Equal($"رد الجمعية على شكواك رقم \u2066{reference}\u2069:\n{Reply}", call.Form["Body"]);
        }
    }

    [Fact]
    public async Task A_reply_to_an_SMS_complaint_goes_by_SMS_within_the_segment_budget()
    {
        var calls = new TwilioCalls();
        await using var service = await RunningService.StartAsync(services: Record(calls), settings: TwilioSettings(prism.BaseAddress));
        var reference = await SendComplaintAsync(service, Person);
        var before = calls.All.Count;

        using var staff = await StaffConsole.SignedInAsync(service);
        (await StaffConsole.PostFormAsync(staff, Page(reference), "reply", ("ReplyInput.Reply", Reply))).Dispose();
        await service.WaitUntilIdleAsync();

        var call = Assert.Single(calls.All.Skip(before));
        Assert.Equal((201, Person, SmsFrom), (call.Status, call.Form["To"], call.Form["From"]));
        Assert.Equal($"رد الجمعية على شكواك رقم \u2066{reference}\u2069:\n{Reply}", call.Form["Body"]);
        await using var db = service.OpenDatabase();
        var row = await db.Outbox.OrderBy(m => m.Id).LastAsync(Ct);
        Assert.Equal(SmsSegments.Count(call.Form["Body"]), row.Segments);
        Assert.InRange(row.Segments!.Value, 1, SmsBudget.DefaultSegments);
    }

    [Fact]
    public async Task A_person_whose_conversation_is_in_English_gets_the_reply_framed_in_English_as_a_plain_GSM_SMS()
    {
        const string reply = "We are sorry for the delay; the caseworker will call you tomorrow.";
        var calls = new TwilioCalls();
        await using var service = await RunningService.StartAsync(services: Record(calls), settings: TwilioSettings(prism.BaseAddress));
        var reference = await SendComplaintAsync(service, Person, "The reply to my request has been late for more than two weeks", english: true);
        var before = calls.All.Count;

        using var staff = await StaffConsole.SignedInAsync(service);
        (await StaffConsole.PostFormAsync(staff, Page(reference), "reply", ("ReplyInput.Reply", reply))).Dispose();
        await service.WaitUntilIdleAsync();

        var body = Assert.Single(calls.All.Skip(before)).Form["Body"];
        Assert.Equal($"The association's reply to your complaint {reference}:\n{reply}", body);
        // No Arabic direction marks around the reference: they would make the SMS cost UCS-2 segments.
        Assert.True(SmsSegments.IsGsm7(body));
        Assert.Equal(1, SmsSegments.Count(body));
        Assert.Contains(body, await PageAsync(staff, reference));
    }

    [Fact]
    public async Task A_reply_on_a_channel_since_turned_off_is_shown_as_not_sent_instead_of_waiting_for_ever()
    {
        var database = RunningService.NewDatabaseFile();
        var calls = new TwilioCalls();
        string reference;
        await using (var before = await RunningService.StartAsync(database, settings: TwilioSettings(prism.BaseAddress)))
        {
            reference = await SendComplaintAsync(before, Person);
        }
        await using var service = await RunningService.StartAsync(database, services: Record(calls), settings: TwilioSettings(prism.BaseAddress, sms: false));

        using var staff = await StaffConsole.SignedInAsync(service);
        (await StaffConsole.PostFormAsync(staff, Page(reference), "reply", ("ReplyInput.Reply", Reply))).Dispose();
        await service.WaitUntilIdleAsync();

        Assert.Empty(calls.All);
        Assert.Contains("ردّ على المرسل (تعذّر الإرسال):", await PageAsync(staff, reference));
    }

    /// <summary>The person writes through Twilio's webhook: the menu, "feedback", "complaint", then the complaint; returns its reference.</summary>
    private static async Task<string> SendComplaintAsync(RunningService service, string from, string text = Complaint, bool english = false)
    {
        string[] steps = english ? ["hello", "English", "5", "2", text] : ["مرحبا", "5", "2", text];
        foreach (var step in steps)
        {
            await SendAsync(service, from, step);
            await service.WaitUntilIdleAsync();
        }
        await using var db = service.OpenDatabase();
        return (await db.Feedback.SingleAsync(f => f.Text == text, Ct)).Reference;
    }

    private static string Page(string reference) => $"staff/feedback/{reference}";

    private static async Task<string> PageAsync(HttpClient staff, string reference) =>
        WebUtility.HtmlDecode(await staff.GetStringAsync(Page(reference), Ct));
}
