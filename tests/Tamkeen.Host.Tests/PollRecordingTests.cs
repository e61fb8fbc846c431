using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Tamkeen.Host.Tests;

/// <summary>What the conversation decides about polls is stored with the conversation, on a real SQLite file.</summary>
public class PollRecordingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Opting_out_of_polls_is_kept_across_a_restart_and_told_to_the_person()
    {
        var databaseFile = RunningService.NewDatabaseFile();
        await using (var service = await RunningService.StartAsync(databaseFile))
        {
            using var visitor = service.NewVisitor();
            await visitor.SendAsync("مرحبا");
            await visitor.SendAsync("لا أرغب في التقييم");
            await service.WaitUntilIdleAsync();
            Assert.Contains("لن نرسل إليك طلبات تقييم بعد الآن", System.Text.RegularExpressions.Regex.Unescape(await visitor.GetStringAsync("chat/history", Ct)));
        }
        await using var restarted = await RunningService.StartAsync(databaseFile);
        await using var db = restarted.OpenDatabase();
        Assert.True((await db.Conversations.SingleAsync(Ct)).PollsOptedOut);
        Assert.Single(db.Events, e => e.Type == "PollsOptedOut");
    }

    [Fact]
    public async Task A_closed_case_brings_a_poll_an_hour_later_and_the_answer_is_kept_with_the_staff_member_who_handled_it()
    {
        var time = WebChatCases.WorkingHours();
        await using var service = await RunningService.StartAsync(time: time);
        using var visitor = service.NewVisitor();
        var reference = await WebChatCases.AskForStaffAsync(service, visitor);
        var desk = service.Services.GetRequiredService<Handoff.CaseDesk>();
        await desk.ReplyAsync(reference, new Handoff.StaffMember("sara", "سارة"), "تم حل المسألة.", [], Ct);
        await desk.CloseAsync(reference, new Handoff.StaffMember("sara", "سارة"), Ct);
        await service.WaitUntilIdleAsync();

        time.Advance(TimeSpan.FromMinutes(59));
        await service.SettleAsync();
        Assert.DoesNotContain("نرجو تقييم تواصلك", await HistoryAsync(visitor));
        time.Advance(TimeSpan.FromMinutes(2));
        await Eventually.UntilAsync(async () => (await HistoryAsync(visitor)).Contains("نرجو تقييم تواصلك مع موظف الجمعية", StringComparison.Ordinal),
            found => found, "the poll an hour after the close");

        await visitor.SendAsync("٥");
        await visitor.SendAsync("شكراً للموظفة");
        await visitor.SendAsync("نعم");
        await service.WaitUntilIdleAsync();
        await using var db = service.OpenDatabase();
        var poll = await db.Polls.SingleAsync(Ct);
        Assert.Equal((Core.Surveys.PollSubject.Case, reference, "sara", "Closed"), (poll.Subject, poll.Reference, poll.HandledBy, poll.Outcome));
        Assert.Equal((5, "شكراً للموظفة", (bool?)true), (poll.Score, poll.Comment, poll.Resolved));
    }

    private static async Task<string> HistoryAsync(HttpClient visitor) =>
        System.Text.RegularExpressions.Regex.Unescape(await visitor.GetStringAsync("chat/history", Ct));
}
