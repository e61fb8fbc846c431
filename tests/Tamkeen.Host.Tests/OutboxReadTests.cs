using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Tamkeen.Host.Data;
using Tamkeen.Host.Messaging;

namespace Tamkeen.Host.Tests;

/// <summary>What one reply costs the database once the person is known.</summary>
public class OutboxReadTests
{
    private static readonly Regex Statement = new(
        @"^(?<verb>SELECT)\b.*?\bFROM\s+""(?<table>\w+)""|^(?<verb>INSERT) INTO ""(?<table>\w+)""|^(?<verb>UPDATE) ""(?<table>\w+)""|^(?<verb>DELETE) FROM ""(?<table>\w+)""",
        RegexOptions.Singleline);

    [Fact]
    public async Task A_web_chat_reply_is_sent_without_the_dispatcher_reading_the_outbox()
    {
        var sql = new RecordedSql();
        // A clock that stands still: no poll interval passes while the reply is measured.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var service = await RunningService.StartAsync(time: clock,
            services: s => s.ConfigureDbContext<TamkeenDb>(o => o.AddInterceptors(sql), ServiceLifetime.Singleton));
        using var visitor = service.NewVisitor();
        await visitor.SendAsync("مرحبا");
        await WaitUntilSentAsync(service, replies: 1);
        await sql.WaitForAsync(_ => true, quiet: TimeSpan.FromMilliseconds(300));

        sql.Clear();
        await visitor.SendAsync("٥");
        await WaitUntilSentAsync(service, replies: 2);
        // The conversation is kept in memory and written with the writer's statements: this reply may read nothing.
        await sql.WaitForQuietAsync(TimeSpan.FromMilliseconds(500));

        // One command can carry several statements (EF batches a commit's changes).
        var statements = sql.Commands.SelectMany(c => c.Split(";\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Where(s => s.Length > 0).Select(Describe).ToList();
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{sql.Commands.Count} commands, {statements.Count} statements for one reply:\n{string.Join("\n", statements)}");
        Assert.DoesNotContain("SELECT Outbox", statements);
        // Nor who sent STOP or blocked the bot: that is known in memory.
        Assert.DoesNotContain("SELECT ChannelIdentities", statements);
    }

    /// <summary>
    /// Read on a context of the test's own, which the recorder does not see. The writer's row statements do not pass
    /// through EF Core either (<see cref="RowStatements"/>), so what is recorded is what the service reads.
    /// </summary>
    private static async Task WaitUntilSentAsync(RunningService service, int replies)
    {
        var options = new DbContextOptionsBuilder<TamkeenDb>().UseSqlite($"Data Source={service.DatabaseFile}").Options;
        await Eventually.UntilAsync(async () =>
        {
            await using var db = new TamkeenDb(options);
            return await db.Outbox.CountAsync(m => m.Status == DeliveryStatus.Sent);
        }, sent => sent >= replies, "the reply was recorded sent");
    }

    private static string Describe(string statement) =>
        Statement.Match(statement) is { Success: true } m ? $"{m.Groups["verb"].Value} {m.Groups["table"].Value}" : statement.Split('\n')[0];
}
