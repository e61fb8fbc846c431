using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tamkeen.Core.Conversations;
using Tamkeen.Core.Guide;

namespace Tamkeen.Host.Tests;

public class GuideTests
{
    private static async Task<string> LastBotTextAsync(RunningService service, string address)
    {
        await using var db = service.OpenDatabase();
        return await db.Outbox.Where(m => m.Address == address).OrderBy(m => m.Id).Select(m => m.Text).LastAsync();
    }

    private static async Task<string> AddressOfOnlyVisitorAsync(RunningService service)
    {
        await using var db = service.OpenDatabase();
        return await db.Inbox.Select(m => m.SenderAddress).Distinct().SingleAsync();
    }

    [Fact]
    public async Task A_question_in_the_chat_is_answered_and_unhelpful_answers_reach_the_staff_list()
    {
        await using var service = await RunningService.StartAsync();
        var guide = service.Services.GetRequiredService<IGuide>();
        using var visitor = service.NewVisitor();

        await visitor.SendAsync("متى اوقات الدوام عندكم؟");
        await service.WaitUntilIdleAsync();
        var address = await AddressOfOnlyVisitorAsync(service);
        var answer = await LastBotTextAsync(service, address);
        Assert.Contains(guide.Find("working-hours")!.Answer[Language.Arabic], answer);
        Assert.EndsWith("هل أفادتك هذه الإجابة؟", answer);

        await visitor.SendAsync("لا");
        await visitor.SendAsync("كم سعر الذهب اليوم");
        using (var other = service.NewVisitor())
        {
            await other.SendAsync("السلام عليكم");
            await other.SendAsync("كم سعر الذهب اليوم؟");
        }
        await service.WaitUntilIdleAsync();
        Assert.Contains("لست متأكداً", await LastBotTextAsync(service, address));

        using var staff = await StaffConsole.SignedInAsync(service);
        using var list = JsonDocument.Parse(await staff.GetStringAsync("staff/api/unanswered-questions?top=10"));
        var rows = list.RootElement.EnumerateArray().ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal(2, rows[0].GetProperty("count").GetInt32());
        Assert.Equal(2, rows[0].GetProperty("reasons").GetProperty("NoMatch").GetInt32());
        Assert.Equal("متى اوقات الدوام عندكم؟", rows[1].GetProperty("question").GetString());
        Assert.Equal("working-hours", rows[1].GetProperty("notHelpfulEntries")[0].GetString());
    }

    [Fact]
    public async Task A_question_in_English_is_answered_in_English_while_the_chat_stays_Arabic()
    {
        await using var service = await RunningService.StartAsync();
        var guide = service.Services.GetRequiredService<IGuide>();
        using var visitor = service.NewVisitor();
        await visitor.SendAsync("مرحبا");
        await visitor.SendAsync("What are your working hours?");
        await service.WaitUntilIdleAsync();

        var address = await AddressOfOnlyVisitorAsync(service);
        Assert.StartsWith(guide.Find("working-hours")!.Answer[Language.English], await LastBotTextAsync(service, address));
        await using var db = service.OpenDatabase();
        Assert.Equal(Language.Arabic, (await db.Conversations.SingleAsync()).Language);
    }

    [Fact]
    public async Task Saving_the_guide_reloads_it_and_a_broken_save_keeps_the_previous_guide()
    {
        var content = CopyOfShippedContent();
        var logs = new CapturedLogs();
        await using var service = await RunningService.StartAsync(
            services: logs.Register, settings: [$"--Content:Path={content}"]);
        var guide = service.Services.GetRequiredService<IGuide>();
        var file = Path.Combine(content, "guide", "guide.yaml");
        var original = guide.Find("working-hours")!.Answer[Language.English];

        var yaml = await File.ReadAllTextAsync(file);
        await File.WriteAllTextAsync(file, yaml.Replace(FirstLineOf(original), "We are open Sunday to Thursday, 9 a.m. to 3 p.m. (changed).", StringComparison.Ordinal));
        await Until(() => guide.Find("working-hours")!.Answer[Language.English].Contains("(changed)", StringComparison.Ordinal));

        await File.WriteAllTextAsync(file, "entries:\n  - id: broken\n    title: [unclosed\n");
        await Until(() => logs.Errors.Any(e => e.Contains("guide.yaml, line 4", StringComparison.Ordinal)));
        Assert.Contains("(changed)", guide.Find("working-hours")!.Answer[Language.English], StringComparison.Ordinal);
        Assert.Equal(GuideDecision.Answer, guide.Ask("What are your working hours?").Decision);
    }

    private static string FirstLineOf(string text) => text.Split('\n')[0];

    private static string CopyOfShippedContent()
    {
        var target = Path.Combine(Path.GetTempPath(), "tamkeen-tests", Guid.NewGuid().ToString("N"), "content");
        var source = Path.Combine(AppContext.BaseDirectory, "content");
        foreach (var path in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(source, path));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(path, copy);
        }
        return target;
    }

    private static async Task Until(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++) await Task.Delay(50);
        Assert.True(condition(), "The service did not notice the saved file within 10 seconds.");
    }
}
