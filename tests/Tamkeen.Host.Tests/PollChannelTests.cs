using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Tamkeen.Core.Conversations;
using Tamkeen.Core.Requests;
using Tamkeen.Core.Surveys;
using Tamkeen.Core.Text;
using Tamkeen.Host.Handoff;
using Tamkeen.Host.Requests;
using Tamkeen.Host.Staff;
using static Tamkeen.Host.Tests.TwilioTestKit;

namespace Tamkeen.Host.Tests;

/// <summary>
/// A completed request and a closed case each bring a poll an hour later on the person's own channel (Telegram against
/// its emulator, WhatsApp and SMS through Prism on Twilio's API description), and the answers land in the managers' report.
/// </summary>
[Collection(PrismTwilioCollection.Name)]
public class PollChannelTests(PrismTwilioApi prism, TelegramEmulator telegram) : IClassFixture<TelegramEmulator>
{
    private static int _bots;
    private static readonly StaffMember Sara = new("sara", "سارة");
    private static readonly StaffMember Omar = new("omar", "عمر");
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Wednesday 2 December 2026, 10:00 in Riyadh: working hours, with an hour to spare.</summary>
    private static FakeTimeProvider Wednesday() => new(new DateTimeOffset(2026, 12, 2, 7, 0, 0, TimeSpan.Zero));

    private static readonly string[] Scale = ["ممتاز", "جيد", "مقبول", "سيئ", "سيئ جداً", "لا أرغب في التقييم"];

    [Fact]
    public async Task On_web_chat_a_completed_request_brings_a_poll_with_buttons_an_hour_later_credited_to_who_decided_it()
    {
        var clock = Wednesday();
        await using var service = await RunningService.StartAsync(time: clock, settings: StaffApi.Settings);
        using var visitor = service.NewVisitor();
        await visitor.SendAsync("مرحبا");
        await service.WaitUntilIdleAsync();
        string session;
        await using (var db = service.OpenDatabase()) session = await db.ChannelIdentities.Where(i => i.Channel == Channel.WebChat).Select(i => i.Address).SingleAsync(Ct);
        var request = await CompletedRequestAsync(service, session);

        clock.Advance(TimeSpan.FromMinutes(59));
        await service.SettleAsync();
        Assert.Null(await LineContainingAsync(visitor, "نرجو تقييم خدمتنا"));
        clock.Advance(TimeSpan.FromMinutes(2));

        var poll = await Eventually.UntilAsync(() => LineContainingAsync(visitor, "نرجو تقييم خدمتنا في طلبك رقم"), l => l is not null, "the poll an hour after the decision");
        Assert.Contains(request, poll!.Text);
        Assert.Equal(Scale, poll.Buttons.Select(b => b.Label));
        await PressAsync(visitor, poll, "جيد");
        await PressAsync(visitor, (await Eventually.UntilAsync(() => LineContainingAsync(visitor, "هل من ملاحظة للإضافة"), l => l is not null, "the comment question"))!, "تخطي");
        await Eventually.UntilAsync(() => LineContainingAsync(visitor, "شكراً لتقييمك"), l => l is not null, "the thanks");
        await service.WaitUntilIdleAsync();

        var row = (await PollsAsync(service)).Single();
        Assert.Equal((PollSubject.Request, request, 4, "Completed", "sara", Channel.WebChat), (row.Subject, row.Reference, row.Score, row.Outcome, row.HandledBy, row.Channel));
        var report = await SatisfactionAsync(service);
        Assert.Equal((1, 1, 100.0, 4.0), Group(report, "byChannel", "WebChat"));
        Assert.Equal((1, 1, 100.0, 4.0), Group(report, "byStaff", "sara"));
    }

    [Fact]
    public async Task Over_telegram_the_polls_come_as_buttons_an_hour_after_a_completed_request_and_a_closed_case()
    {
        var clock = Wednesday();
        var token = $"{800000 + Interlocked.Increment(ref _bots)}:poll-test-token";
        await using var service = await RunningService.StartAsync(time: clock, settings:
            [.. StaffApi.Settings, $"--Telegram:BotToken={token}", $"--Telegram:ApiBaseUrl={telegram.Address}", "--Dispatch:Telegram:PerRecipientPerSecond=0"]);
        var asker = telegram.User(token, 6101);
        var caller = telegram.User(token, 6102);
        await asker.SaysAsync("مرحبا");
        await asker.NextReplyAsync();
        await caller.SaysAsync("مرحبا");
        await caller.NextReplyAsync();
        await caller.SaysAsync("موظف");
        await caller.NextReplyAsync();
        var request = await CompletedRequestAsync(service, "6101");
        var caseReference = await ClosedCaseAsync(service);

        clock.Advance(TimeSpan.FromMinutes(59));
        await service.SettleAsync();
        Assert.Empty(await PollsAsync(service));
        clock.Advance(TimeSpan.FromMinutes(2));

        var requestPoll = await NextContainingAsync(asker, "نرجو تقييم خدمتنا في طلبك رقم");
        Assert.Contains(request, requestPoll.Text);
        Assert.Contains("التقييم حقّ لك ولن يؤثر على أي طلب", requestPoll.Text);
        Assert.Equal(Scale, requestPoll.InlineRows.SelectMany(r => r).Select(b => b.Label));
        await asker.PressesAsync(requestPoll, "4");
        await asker.PressesAsync(await NextContainingAsync(asker, "هل من ملاحظة للإضافة"), "skip");
        await NextContainingAsync(asker, "شكراً");

        var casePoll = await NextContainingAsync(caller, "نرجو تقييم تواصلك مع موظف الجمعية");
        await caller.PressesAsync(casePoll, "5");
        await NextContainingAsync(caller, "هل من ملاحظة للإضافة");
        await caller.SaysAsync("أجابتني الموظفة بسرعة");
        await caller.PressesAsync(await NextContainingAsync(caller, "وهل حُلّت المسألة"), "yes");
        await NextContainingAsync(caller, "شكراً");
        await service.WaitUntilIdleAsync();

        var polls = await PollsAsync(service);
        Assert.Contains(polls, p => p is { Subject: PollSubject.Request, Score: 4, HandledBy: "sara", Outcome: "Completed" } && p.Reference == request);
        Assert.Contains(polls, p => p is { Subject: PollSubject.Case, Score: 5, Resolved: true, HandledBy: "sara", Outcome: "Closed", Comment: "أجابتني الموظفة بسرعة" } && p.Reference == caseReference);
        var report = await SatisfactionAsync(service);
        Assert.Equal((2, 2, 100.0, 4.5), Group(report, "byChannel", "Telegram"));
        Assert.Equal((2, 2, 100.0, 4.5), Group(report, "byStaff", "sara"));
    }

    [Fact]
    public async Task Over_whatsapp_and_sms_the_polls_are_numbered_lines_answered_with_arabic_digits_and_words()
    {
        var (clock, calls) = (Wednesday(), new TwilioCalls());
        await using var service = await StartOnTwilioAsync(clock, calls, TwilioSettings(prism.BaseAddress));
        const string smsPerson = "+966501112233";
        await SendAsync(service, PersonOnWhatsApp, "مرحبا");
        await SendAsync(service, PersonOnWhatsApp, "موظف");
        await SendAsync(service, smsPerson, "مرحبا");
        await service.WaitUntilIdleAsync();
        var caseReference = await ClosedCaseAsync(service);
        var request = await CompletedRequestAsync(service, smsPerson);
        var before = calls.All.Count;

        var sent = await SentAfterTheHourAsync(service, clock, calls, before, count: 2);
        var whatsAppPoll = Assert.Single(sent, c => c.Form["To"] == PersonOnWhatsApp).Form["Body"];
        Assert.Contains("نرجو تقييم تواصلك مع موظف الجمعية", whatsAppPoll);
        Assert.Contains("5- ممتاز\n4- جيد", whatsAppPoll);
        var smsPoll = Assert.Single(sent, c => c.Form["To"] == smsPerson).Form["Body"];
        Assert.Contains(request, smsPoll);
        Assert.True(SmsSegments.Count(smsPoll) <= SmsBudget.DefaultSegments, $"The SMS poll takes {SmsSegments.Count(smsPoll)} segments: {smsPoll}");

        await SendAsync(service, PersonOnWhatsApp, "٤");
        await SendAsync(service, PersonOnWhatsApp, "تخطي");
        await service.WaitUntilIdleAsync();
        Assert.Contains(calls.All, c => c.Form["To"] == PersonOnWhatsApp && c.Form.GetValueOrDefault("Body")?.Contains("وهل حُلّت المسألة", StringComparison.Ordinal) == true);
        await SendAsync(service, PersonOnWhatsApp, "لا");
        await SendAsync(service, smsPerson, "ممتاز");
        await SendAsync(service, smsPerson, "الخدمة ممتازة");
        await service.WaitUntilIdleAsync();

        var polls = await PollsAsync(service);
        Assert.Contains(polls, p => p is { Subject: PollSubject.Case, Score: 4, Resolved: false, HandledBy: "sara" } && p.Reference == caseReference);
        Assert.Contains(polls, p => p is { Subject: PollSubject.Request, Score: 5, Comment: "الخدمة ممتازة", Outcome: "Completed", HandledBy: "sara" } && p.Reference == request);
        var report = await SatisfactionAsync(service);
        Assert.Equal((1, 1, 100.0, 4.0), Group(report, "byChannel", "WhatsApp"));
        Assert.Equal((1, 1, 100.0, 5.0), Group(report, "byChannel", "Sms"));
        Assert.Equal((2, 2, 100.0, 4.5), Group(report, "byStaff", "sara"));
    }

    [Fact]
    public async Task Over_whatsapp_a_completed_request_is_polled_an_hour_later_and_answered_with_an_arabic_indic_digit()
    {
        var (clock, calls) = (Wednesday(), new TwilioCalls());
        await using var service = await StartOnTwilioAsync(clock, calls, TwilioSettings(prism.BaseAddress));
        await SendAsync(service, PersonOnWhatsApp, "مرحبا");
        await service.WaitUntilIdleAsync();
        var request = await CompletedRequestAsync(service, Person);
        var before = calls.All.Count;

        var poll = (await SentAfterTheHourAsync(service, clock, calls, before, count: 1))[0];
        Assert.Equal((PersonOnWhatsApp, WhatsAppFrom), (poll.Form["To"], poll.Form["From"]));
        Assert.Contains("نرجو تقييم خدمتنا في طلبك رقم", poll.Form["Body"]);
        Assert.Contains(request, poll.Form["Body"]);
        Assert.Contains("5- ممتاز\n4- جيد\n3- مقبول\n2- سيئ\n1- سيئ جداً\nلا أرغب في التقييم", poll.Form["Body"]);

        await SendAsync(service, PersonOnWhatsApp, "٤");
        await SendAsync(service, PersonOnWhatsApp, "تخطي");
        await service.WaitUntilIdleAsync();
        Assert.Contains(calls.All, c => c.Form.GetValueOrDefault("Body")?.Contains("شكراً لتقييمك", StringComparison.Ordinal) == true);

        var row = (await PollsAsync(service)).Single();
        Assert.Equal((PollSubject.Request, request, 4, "Completed", "sara", Channel.WhatsApp), (row.Subject, row.Reference, row.Score, row.Outcome, row.HandledBy, row.Channel));
        Assert.Equal((1, 1, 100.0, 4.0), Group(await SatisfactionAsync(service), "byChannel", "WhatsApp"));
    }

    [Fact]
    public async Task The_answer_counts_for_who_handled_the_case_when_the_poll_was_sent_not_who_holds_it_later()
    {
        var clock = Wednesday();
        await using var service = await RunningService.StartAsync(time: clock, settings: StaffApi.Settings);
        using var visitor = service.NewVisitor();
        var reference = await WebChatCases.AskForStaffAsync(service, visitor);
        var desk = service.Services.GetRequiredService<CaseDesk>();
        await desk.ClaimAsync(reference, Sara, Ct);
        await desk.ReplyAsync(reference, Sara, "تم.", [], Ct);
        await desk.CloseAsync(reference, Sara, Ct);
        clock.Advance(TimeSpan.FromMinutes(61));
        await Eventually.UntilAsync(async () => (await PollsAsync(service)).Count, count => count == 1, "the poll sent");

        await desk.ReopenAsync(reference, Omar, Ct);
        await desk.ClaimAsync(reference, Omar, Ct);
        await visitor.SendAsync("5", $"5@poll:{(await PollsAsync(service)).Single().PollId}");
        await visitor.SendAsync("تخطي");
        await visitor.SendAsync("نعم");
        await service.WaitUntilIdleAsync();

        var poll = (await PollsAsync(service)).Single();
        Assert.Equal(("sara", 5, (bool?)true), (poll.HandledBy, poll.Score, poll.Resolved));
        var report = await SatisfactionAsync(service);
        Assert.Equal(["sara"], report.GetProperty("byStaff").EnumerateArray().Select(g => g.GetProperty("key").GetString()));
    }

    [Fact]
    public async Task A_case_closed_on_thursday_afternoon_is_polled_on_sunday_morning_not_over_the_weekend()
    {
        // Thursday 3 December 2026, 13:30 in Riyadh: the hour's delay ends after working hours.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 10, 30, 0, TimeSpan.Zero));
        await using var service = await RunningService.StartAsync(time: clock);
        using var visitor = service.NewVisitor();
        var reference = await WebChatCases.AskForStaffAsync(service, visitor);
        var desk = service.Services.GetRequiredService<CaseDesk>();
        await desk.ReplyAsync(reference, Sara, "تم.", [], Ct);
        await desk.CloseAsync(reference, Sara, Ct);

        // 14:30 Thursday, then Friday and Saturday: nothing. Sunday 08:00 Riyadh is 05:00 UTC.
        foreach (var hours in new[] { 1, 24, 24, 14 })
        {
            clock.Advance(TimeSpan.FromHours(hours));
            await service.SettleAsync();
            Assert.Empty(await PollsAsync(service));
            Assert.Null(await LineContainingAsync(visitor, "نرجو تقييم تواصلك"));
        }
        clock.SetUtcNow(new DateTimeOffset(2026, 12, 6, 5, 0, 0, TimeSpan.Zero));
        await Eventually.UntilAsync(() => LineContainingAsync(visitor, "نرجو تقييم تواصلك مع موظف الجمعية"), l => l is not null, "the poll on Sunday morning");
        await service.WaitUntilIdleAsync();
        Assert.Equal(new DateTimeOffset(2026, 12, 6, 5, 0, 0, TimeSpan.Zero), (await PollsAsync(service)).Single().CreatedAt);
    }

    [Theory]
    [InlineData(null, "OutsideWhatsAppWindow")]
    [InlineData(TemplateSid, null)]
    public async Task A_whatsapp_poll_after_the_24_hour_window_goes_as_the_template_or_is_recorded_as_not_sent(string? template, string? notSent)
    {
        var (clock, calls) = (Wednesday(), new TwilioCalls());
        await using var service = await StartOnTwilioAsync(clock, calls, [.. TwilioSettings(prism.BaseAddress, sms: false, template: template), "--Surveys:Delay=1.02:00:00"]);
        await SendAsync(service, PersonOnWhatsApp, "مرحبا");
        await SendAsync(service, PersonOnWhatsApp, "موظف");
        await service.WaitUntilIdleAsync();
        await ClosedCaseAsync(service);
        var before = calls.All.Count;

        clock.Advance(TimeSpan.FromHours(26) + TimeSpan.FromMinutes(1));
        await Eventually.UntilAsync(async () => await PollsAsync(service), polls => polls.Count == 1, "the poll's row");
        await service.WaitUntilIdleAsync();
        var poll = (await PollsAsync(service)).Single();
        var sent = calls.All.Skip(before).ToList();
        if (notSent is null)
        {
            Assert.Equal(TemplateSid, Assert.Single(sent).Form["ContentSid"]);
            Assert.NotNull(poll.PollId);
        }
        else
        {
            Assert.Empty(sent);
            Assert.Equal((null, PollNotSentReason.OutsideWhatsAppWindow), (poll.PollId, poll.NotSentReason));
            Assert.Equal(1, (await SatisfactionAsync(service)).GetProperty("notSent").GetProperty(notSent).GetInt32());
        }
    }

    [Fact]
    public async Task Someone_who_sent_stop_by_sms_is_not_polled_and_the_poll_is_recorded_as_not_sent()
    {
        var (clock, calls) = (Wednesday(), new TwilioCalls());
        await using var service = await StartOnTwilioAsync(clock, calls, TwilioSettings(prism.BaseAddress));
        await SendAsync(service, Person, "مرحبا");
        await service.WaitUntilIdleAsync();
        await CompletedRequestAsync(service, Person);
        await SendAsync(service, Person, "STOP");
        await service.WaitUntilIdleAsync();
        var before = calls.All.Count;

        clock.Advance(TimeSpan.FromMinutes(61));
        await Eventually.UntilAsync(async () => await PollsAsync(service), polls => polls.Count == 1, "the poll's row");
        Assert.Equal(PollNotSentReason.Stopped, (await PollsAsync(service)).Single().NotSentReason);
        Assert.Empty(calls.All.Skip(before));
    }

    private static Task<RunningService> StartOnTwilioAsync(FakeTimeProvider clock, TwilioCalls calls, string[] twilioSettings) =>
        RunningService.StartAsync(time: clock, services: Record(calls), settings: [.. StaffApi.Settings, .. twilioSettings]);

    /// <summary>Nothing goes to Twilio 59 minutes after the event (once the due timers have fired); the polls go by 61.</summary>
    private static async Task<List<TwilioCall>> SentAfterTheHourAsync(RunningService service, FakeTimeProvider clock, TwilioCalls calls, int before, int count)
    {
        clock.Advance(TimeSpan.FromMinutes(59));
        await service.SettleAsync();
        Assert.Empty(calls.All.Skip(before));
        clock.Advance(TimeSpan.FromMinutes(2));
        return await Eventually.UntilAsync(() => Task.FromResult(calls.All.Skip(before).ToList()), c => c.Count >= count, "the polls sent");
    }

    /// <summary>An approved request of the person on that address, completed by Sara through the desk.</summary>
    private static async Task<string> CompletedRequestAsync(RunningService service, string address)
    {
        var reference = $"TMK-2612-{Random.Shared.Next(10000, 99999)}";
        await using (var db = service.OpenDatabase())
        {
            var person = await db.ChannelIdentities.Where(i => i.Address == address || i.Address == "whatsapp:" + address).Select(i => i.BeneficiaryId).FirstAsync(Ct);
            var now = service.Services.GetRequiredService<TimeProvider>().GetUtcNow();
            db.ServiceRequests.Add(new ServiceRequest
            {
                Reference = reference, BeneficiaryId = person, ServiceId = "food-basket", Status = RequestStatus.Approved, AnswersJson = "{}",
                SubmittedAt = now.AddDays(-2), DueAt = now.AddDays(5),
                History = [new RequestHistoryEntry { Status = RequestStatus.Approved, By = "manager", At = now.AddDays(-1) }],
            });
            await db.SaveChangesAsync(Ct);
        }
        var desk = service.Services.GetRequiredService<RequestDesk>();
        var outcome = await desk.ChangeStatusAsync(reference, RequestStatus.Completed, null, null, "sara", manager: false, Ct);
        Assert.Equal(DeskOutcomeKind.Done, outcome.Kind);
        await service.WaitUntilIdleAsync();
        return reference;
    }

    /// <summary>The one open case, claimed, answered and closed by Sara.</summary>
    private static async Task<string> ClosedCaseAsync(RunningService service)
    {
        string reference;
        await using (var db = service.OpenDatabase()) reference = (await db.Cases.SingleAsync(c => c.Status == CaseStatus.Open, Ct)).Reference;
        var desk = service.Services.GetRequiredService<CaseDesk>();
        await desk.ClaimAsync(reference, Sara, Ct);
        await desk.ReplyAsync(reference, Sara, "تم حل المسألة.", [], Ct);
        await desk.CloseAsync(reference, Sara, Ct);
        await service.WaitUntilIdleAsync();
        return reference;
    }

    private static async Task<List<Surveys.Poll>> PollsAsync(RunningService service)
    {
        await using var db = service.OpenDatabase();
        return await db.Polls.AsNoTracking().OrderBy(p => p.Id).ToListAsync(Ct);
    }

    private static async Task<BotMessage> NextContainingAsync(TelegramUser user, string text)
    {
        while (true)
        {
            var reply = await user.NextReplyAsync();
            if (reply.Text.Contains(text, StringComparison.Ordinal)) return reply;
        }
    }

    /// <summary>The satisfaction report for today, the Saudi day on the service's clock.</summary>
    private static async Task<JsonElement> SatisfactionAsync(RunningService service)
    {
        var today = SaudiTime.ToSaudi(service.Services.GetRequiredService<TimeProvider>().GetUtcNow()).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        using var api = StaffApi.Client(service);
        var json = await api.GetStringAsync($"api/staff/reports/satisfaction?from={today}&to={today}", Ct);
        return JsonDocument.Parse(json).RootElement.GetProperty("report");
    }

    private static (int Sent, int Answered, double? Csat, double? Average) Group(JsonElement report, string by, string key)
    {
        var figures = report.GetProperty(by).EnumerateArray().Single(g => g.GetProperty("key").GetString() == key).GetProperty("figures");
        return (figures.GetProperty("sent").GetInt32(), figures.GetProperty("answered").GetInt32(), Nullable(figures.GetProperty("csat")), Nullable(figures.GetProperty("average")));
    }

    private sealed record ChatButton(string Payload, string Label);

    private sealed record ChatLine(string From, string Text, ChatButton[] Buttons);

    /// <summary>The latest bot line in the visitor's chat that contains the text, as the page shows it; null when none.</summary>
    private static async Task<ChatLine?> LineContainingAsync(HttpClient visitor, string text)
    {
        var history = JsonSerializer.Deserialize<JsonElement>(await visitor.GetStringAsync("chat/history", Ct));
        return history.GetProperty("lines").Deserialize<ChatLine[]>(JsonSerializerOptions.Web)!
            .LastOrDefault(l => l.From == "bot" && l.Text.Contains(text, StringComparison.Ordinal));
    }

    /// <summary>Presses the line's button with that label, as the page does: its label as the text, its payload beside.</summary>
    private static Task<string> PressAsync(HttpClient visitor, ChatLine line, string label)
    {
        var button = line.Buttons.Single(b => b.Label == label);
        return visitor.SendAsync(button.Label, button.Payload);
    }

    private static double? Nullable(JsonElement e) => e.ValueKind == JsonValueKind.Null ? null : e.GetDouble();
}
