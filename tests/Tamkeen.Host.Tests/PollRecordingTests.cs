using Microsoft.EntityFrameworkCore;

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
}
