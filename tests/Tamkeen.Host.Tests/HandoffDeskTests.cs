using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Tamkeen.Core.Conversations;
using Tamkeen.Core.Handoff;
using Tamkeen.Host.Handoff;
using Tamkeen.Host.Staff;

namespace Tamkeen.Host.Tests;

/// <summary>Cases opened from the website chat and handled through <see cref="CaseDesk"/>, on a real SQLite file.</summary>
public class HandoffDeskTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly StaffMember Sara = new("sara", "سارة");
    private static readonly StaffMember Nura = new("nura", "نورة");

    /// <summary>Wednesday 2 December 2026, 10:00 in Riyadh: working hours.</summary>
    private static FakeTimeProvider WorkingHours() => new(new DateTimeOffset(2026, 12, 2, 7, 0, 0, TimeSpan.Zero));

    private static async Task<StaffCase> AskForPersonAsync(RunningService service, HttpClient visitor, string text = "موظف")
    {
        await visitor.SendAsync("مرحبا");
        await visitor.SendAsync(text);
        await service.WaitUntilIdleAsync();
        await using var db = service.OpenDatabase();
        return await db.Cases.AsNoTracking().SingleAsync(Ct);
    }

    private static async Task<bool> HasEntryAsync(RunningService service, CaseEntryKind kind)
    {
        await using var db = service.OpenDatabase();
        return await db.CaseEntries.AnyAsync(e => e.Kind == kind, Ct);
    }

    private static async Task<string> HistoryAsync(HttpClient visitor) => WebUtility.HtmlDecode(await visitor.GetStringAsync("chat/history", Ct));

    [Fact]
    public async Task A_person_who_asks_for_staff_gets_a_case_and_the_staff_reply_in_their_chat_signed()
    {
        await using var service = await RunningService.StartAsync(time: WorkingHours());
        using var visitor = service.NewVisitor();
        var opened = await AskForPersonAsync(service, visitor);
        Assert.Equal((CaseReason.AskedForPerson, CaseStatus.Open, Channel.WebChat, false), (opened.Reason, opened.Status, opened.Channel, opened.Urgent));

        await visitor.SendAsync("لم تصلني الإعانة لهذا الشهر");
        await service.WaitUntilIdleAsync();
        var desk = service.Services.GetRequiredService<CaseDesk>();
        Assert.Equal(CaseOutcome.Done, (await desk.ReplyAsync(opened.Reference, Sara, "سأراجع ملفك الآن وأعود إليك.", [], Ct)).Outcome);
        await service.WaitUntilIdleAsync();

        var history = System.Text.RegularExpressions.Regex.Unescape(await HistoryAsync(visitor));
        Assert.Contains("سارة — جمعية تمكين:\nسأراجع ملفك الآن وأعود إليك.", history);
        await using var db = service.OpenDatabase();
        var handled = await db.Cases.AsNoTracking().SingleAsync(Ct);
        Assert.Equal((CaseStatus.Claimed, "sara"), (handled.Status, handled.ClaimedBy));
        Assert.NotNull(handled.FirstReplyAt);
        var timeline = await db.CaseEntries.Where(e => e.CaseId == handled.Id).OrderBy(e => e.Id).Select(e => e.Kind).ToListAsync(Ct);
        // The reply claimed the case, which the timeline says before the reply.
        Assert.Equal([CaseEntryKind.Opened, CaseEntryKind.PersonWrote, CaseEntryKind.Claimed, CaseEntryKind.StaffReplied], timeline);
        Assert.Single(db.AuditEntries, a => a.Action == AuditActions.CaseReplied && a.Subject == opened.Reference && a.Who == "sara");
        // The bot said nothing to the person's own message while the case waited.
        var ownMessage = await db.Inbox.SingleAsync(m => m.Text == "لم تصلني الإعانة لهذا الشهر", Ct);
        Assert.DoesNotContain(db.Outbox, m => m.InboxMessageId == ownMessage.Id);
    }

    [Fact]
    public async Task A_staff_member_sets_the_name_beneficiaries_see_and_replies_are_signed_with_it()
    {
        await using var service = await RunningService.StartAsync(time: WorkingHours());
        using var visitor = service.NewVisitor();
        var opened = await AskForPersonAsync(service, visitor);
        using var staff = await StaffConsole.SignedInAsync(service, StaffRoles.Staff, "sara");

        using var saved = await StaffConsole.PostFormAsync(staff, "staff/password", "display-name", ("NameInput.Name", " سارة "));
        Assert.Contains("حُفظ الاسم.", WebUtility.HtmlDecode(await saved.Content.ReadAsStringAsync(Ct)));
        (await StaffConsole.PostFormAsync(staff, $"staff/cases/{opened.Reference}", "reply", ("ReplyInput.Text", "أهلاً، كيف أساعدك؟"))).Dispose();
        await service.WaitUntilIdleAsync();

        Assert.Contains("سارة — جمعية تمكين:\nأهلاً، كيف أساعدك؟", System.Text.RegularExpressions.Regex.Unescape(await HistoryAsync(visitor)));
        await using var db = service.OpenDatabase();
        Assert.Single(db.AuditEntries, a => a.Action == AuditActions.DisplayNameChanged && a.Who == "sara" && a.Detail == "- → سارة");
    }

    [Fact]
    public async Task Of_two_staff_claiming_together_one_wins_and_the_other_is_told_who()
    {
        await using var service = await RunningService.StartAsync(time: WorkingHours());
        using var visitor = service.NewVisitor();
        var opened = await AskForPersonAsync(service, visitor);
        var desk = service.Services.GetRequiredService<CaseDesk>();

        var results = await Task.WhenAll(desk.ClaimAsync(opened.Reference, Sara, Ct), desk.ClaimAsync(opened.Reference, Nura, Ct));

        var winner = Assert.Single(results, r => r.Outcome == CaseOutcome.Done);
        var loser = Assert.Single(results, r => r.Outcome == CaseOutcome.ClaimedByOther);
        Assert.Equal(winner.ClaimedBy, loser.ClaimedBy);
        await using var db = service.OpenDatabase();
        Assert.Single(db.CaseEntries, e => e.Kind == CaseEntryKind.Claimed);
        Assert.Equal(winner.ClaimedBy, (await db.Cases.SingleAsync(Ct)).ClaimedBy);
    }

    [Fact]
    public async Task Closing_tells_the_person_and_their_next_message_goes_to_the_bot_not_the_old_case()
    {
        await using var service = await RunningService.StartAsync(time: WorkingHours());
        using var visitor = service.NewVisitor();
        var opened = await AskForPersonAsync(service, visitor);
        var desk = service.Services.GetRequiredService<CaseDesk>();
        await desk.ReplyAsync(opened.Reference, Sara, "تم حل المشكلة.", [], Ct);
        Assert.Equal(CaseOutcome.Done, (await desk.CloseAsync(opened.Reference, Sara, Ct)).Outcome);
        await service.WaitUntilIdleAsync();
        Assert.Contains("أُغلقت المحادثة مع موظف الجمعية", System.Text.RegularExpressions.Regex.Unescape(await HistoryAsync(visitor)));

        await visitor.SendAsync("القائمة");
        await service.WaitUntilIdleAsync();
        await using var db = service.OpenDatabase();
        var closed = await db.Cases.AsNoTracking().SingleAsync(Ct);
        Assert.Equal((CaseStatus.Closed, "sara"), (closed.Status, closed.ClosedBy));
        Assert.DoesNotContain(db.CaseEntries, e => e.Kind == CaseEntryKind.PersonWrote);
        Assert.Equal(CaseOutcome.NotActive, (await desk.ReplyAsync(opened.Reference, Sara, "رسالة متأخرة", [], Ct)).Outcome);
        Assert.Equal(CaseOutcome.Done, (await desk.ReopenAsync(opened.Reference, Nura, Ct)).Outcome);
    }

    [Fact]
    public async Task An_unclaimed_case_is_posted_again_after_the_working_time_set_and_raised_when_still_unanswered()
    {
        var time = WorkingHours();
        await using var service = await RunningService.StartAsync(time: time);
        using var visitor = service.NewVisitor();
        var opened = await AskForPersonAsync(service, visitor);

        time.Advance(TimeSpan.FromMinutes(14));
        await service.WaitUntilIdleAsync();
        Assert.False(await HasEntryAsync(service, CaseEntryKind.Reposted));

        time.Advance(TimeSpan.FromMinutes(2));
        await Eventually.UntilAsync(() => HasEntryAsync(service, CaseEntryKind.Reposted), found => found, "the re-post after 15 minutes unclaimed");

        await service.Services.GetRequiredService<CaseDesk>().ClaimAsync(opened.Reference, Sara, Ct);
        time.Advance(TimeSpan.FromMinutes(45));
        await Eventually.UntilAsync(() => HasEntryAsync(service, CaseEntryKind.StillUnanswered), found => found, "the raise after an hour without a staff reply");
        await using var after = service.OpenDatabase();
        Assert.Single(after.CaseEntries, e => e.Kind == CaseEntryKind.Reposted);
    }

    [Fact]
    public async Task Urgency_words_open_an_urgent_case()
    {
        await using var service = await RunningService.StartAsync(time: WorkingHours());
        using var visitor = service.NewVisitor();
        var opened = await AskForPersonAsync(service, visitor, "صدر حكم بإخلاء السكن ولا مكان نذهب إليه");
        Assert.Equal((CaseReason.Urgent, true), (opened.Reason, opened.Urgent));
    }
}
