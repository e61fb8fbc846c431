using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Tamkeen.Core.Beneficiaries;
using Tamkeen.Core.Conversations;
using Tamkeen.Core.Feedback;
using Tamkeen.Host.Messaging;

namespace Tamkeen.Host.Tests;

public class ConversationPersistenceTests
{
    private static async Task<List<string>> BotTextsAsync(RunningService service)
    {
        await using var db = service.OpenDatabase();
        return await db.Outbox.OrderBy(m => m.Id).Select(m => m.Text).ToListAsync();
    }

    [Fact]
    public async Task Restart_mid_suggestion_flow_resumes_at_the_same_step()
    {
        var databaseFile = RunningService.NewDatabaseFile();
        var cookies = new System.Net.CookieContainer();
        await using (var first = await RunningService.StartAsync(databaseFile))
        {
            using var visitor = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = first.BaseAddress };
            await visitor.SendAsync("مرحبا");
            await visitor.SendAsync("٥");
            await visitor.SendAsync("2");
            await first.WaitUntilIdleAsync();
        }

        await using var second = await RunningService.StartAsync(databaseFile);
        using (var visitor = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = second.BaseAddress })
        {
            await visitor.SendAsync("الموظف لم يرد على اتصالي منذ أسبوع");
        }
        await second.WaitUntilIdleAsync();

        await using var db = second.OpenDatabase();
        var complaint = await db.Feedback.SingleAsync();
        Assert.Equal(FeedbackKind.Complaint, complaint.Kind);
        Assert.Equal("الموظف لم يرد على اتصالي منذ أسبوع", complaint.Text);
        var lastReply = (await BotTextsAsync(second))[^1];
        Assert.Contains($"ورقمها المرجعي {complaint.Reference}", lastReply);
    }

    [Fact]
    public async Task A_conversation_changed_in_the_database_since_the_last_step_is_read_again_not_overwritten()
    {
        await using var service = await RunningService.StartAsync();
        using var visitor = service.NewVisitor();
        await visitor.SendAsync("مرحبا");
        await visitor.SendAsync("٥");
        await visitor.SendAsync("2");
        await service.WaitUntilIdleAsync();

        // As another instance would have it after the person went back to the menu there: a newer version of the row.
        await using (var db = service.OpenDatabase())
        {
            var stored = await db.Conversations.SingleAsync();
            Assert.Equal(ConversationState.FeedbackText, stored.State);
            stored.State = ConversationState.MainMenu;
            stored.Feedback = null;
            stored.Version++;
            await db.SaveChangesAsync();
        }

        await visitor.SendAsync("1");
        await service.WaitUntilIdleAsync();

        Assert.StartsWith("اكتب سؤالك", (await BotTextsAsync(service))[^1]);
        await using var after = service.OpenDatabase();
        Assert.Empty(await after.Feedback.ToListAsync());
        Assert.Equal(ConversationState.Question, (await after.Conversations.SingleAsync()).State);
    }

    [Fact]
    public async Task Duplicate_delivery_is_processed_once()
    {
        await using var service = await RunningService.StartAsync();
        using var visitor = service.NewVisitor();
        Assert.Equal("accepted", await visitor.SendAsync("مرحبا", id: "same-id"));
        Assert.Equal("duplicate", await visitor.SendAsync("مرحبا", id: "same-id"));
        await service.WaitUntilIdleAsync();

        await using var db = service.OpenDatabase();
        Assert.Equal(1, await db.Inbox.CountAsync());
        Assert.Equal(1, await db.Outbox.CountAsync());
    }

    [Fact]
    public async Task A_message_stored_before_a_crash_is_answered_after_the_restart()
    {
        var databaseFile = RunningService.NewDatabaseFile();
        await using (var first = await RunningService.StartAsync(databaseFile))
        {
            // Simulates a crash between acknowledging the channel and processing: the row is stored, nothing else.
            await using var db = first.OpenDatabase();
            var beneficiary = new Beneficiary { CreatedAt = DateTimeOffset.UtcNow, Identities = [new ChannelIdentity { Channel = Channel.WebChat, Address = "crashed-session" }] };
            db.Beneficiaries.Add(beneficiary);
            await db.SaveChangesAsync();
        }
        await using (var offline = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={databaseFile}"))
        {
            await offline.OpenAsync();
            var insert = offline.CreateCommand();
            insert.CommandText = """
                INSERT INTO Inbox (Channel, ChannelMessageId, SenderAddress, BeneficiaryId, Text, ReceivedAt)
                SELECT 'WebChat', 'crashed-1', 'crashed-session', Id, '5', $at FROM Beneficiaries
                """;
            insert.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToUniversalTime().ToBinaryOffsetValue());
            await insert.ExecuteNonQueryAsync();
        }

        await using var second = await RunningService.StartAsync(databaseFile);
        await second.WaitUntilIdleAsync();
        var replies = await BotTextsAsync(second);
        Assert.Single(replies);
        Assert.Contains("هل المطلوب تقديم اقتراح أم شكوى؟", replies[0]);
    }

    [Fact]
    public async Task An_idle_conversation_restarts_from_the_menu_on_the_service_clock()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var service = await RunningService.StartAsync(time: clock);
        using var visitor = service.NewVisitor();
        await visitor.SendAsync("5");
        await service.WaitUntilIdleAsync();
        clock.Advance(TimeSpan.FromMinutes(45));
        await visitor.SendAsync("اقتراح متأخر");
        await service.WaitUntilIdleAsync();

        var replies = await BotTextsAsync(service);
        Assert.StartsWith("مرّ وقت على آخر رسالة منك", replies[^1]);
        await using var db = service.OpenDatabase();
        Assert.Equal(ConversationState.MainMenu, (await db.Conversations.SingleAsync()).State);
    }

    [Fact]
    public async Task Empty_and_control_only_input_is_ignored_and_an_over_long_one_is_answered_politely()
    {
        await using var service = await RunningService.StartAsync();
        using var visitor = service.NewVisitor();
        Assert.Equal("ignored", await visitor.SendAsync("   "));
        Assert.Equal("ignored", await visitor.SendAsync("\u0000\u0007\u200f"));
        Assert.Equal("accepted", await visitor.SendAsync(new string('م', 2500)));
        await service.WaitUntilIdleAsync();

        await using var db = service.OpenDatabase();
        var stored = await db.Inbox.SingleAsync();
        Assert.Equal(2500, stored.Text!.Length);
        Assert.Contains("رسالتك أطول من الحد المسموح به (2,000 حرف)", (await BotTextsAsync(service))[^1]);
    }

    [Fact]
    public async Task A_request_over_the_size_limit_is_refused_without_crashing()
    {
        await using var service = await RunningService.StartAsync();
        using var visitor = service.NewVisitor();
        var response = await visitor.PostAsJsonAsync("chat/messages", new { id = "big", text = new string('x', 70_000) });
        Assert.Equal(System.Net.HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("accepted", await visitor.SendAsync("مرحبا"));
    }

    [Fact]
    public async Task Health_reports_the_database()
    {
        await using var service = await RunningService.StartAsync();
        using var client = service.NewVisitor();
        using var health = JsonDocument.Parse(await client.GetStringAsync("health"));
        Assert.Equal("Healthy", health.RootElement.GetProperty("status").GetString());
        Assert.Equal("Healthy", health.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Staff_console_lists_suggestions_with_their_reference()
    {
        await using var service = await RunningService.StartAsync();
        using var visitor = service.NewVisitor();
        foreach (var text in new[] { "5", "1", "نقترح فتح فرع في بريدة <b>" }) await visitor.SendAsync(text);
        await service.WaitUntilIdleAsync();

        await using var db = service.OpenDatabase();
        var reference = (await db.Feedback.SingleAsync()).Reference;
        using var staff = await StaffConsole.SignedInAsync(service);
        var page = await staff.GetStringAsync("staff/");
        Assert.Contains("dir=\"rtl\"", page);
        Assert.Contains($"<bdi dir=\"ltr\">{reference}</bdi>", page);
        Assert.Contains("نقترح فتح فرع في بريدة &lt;b&gt;", page);
    }
}

internal static class BinaryTime
{
    /// <summary>The stored form of a UTC time, as EF's DateTimeOffsetToBinaryConverter writes it.</summary>
    public static long ToBinaryOffsetValue(this DateTimeOffset value) =>
        (long)new Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter().ConvertToProvider(value)!;
}
