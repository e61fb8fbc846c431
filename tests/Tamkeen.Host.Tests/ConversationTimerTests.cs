using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Tamkeen.Core.Conversations;
using Tamkeen.Host.Messaging;

namespace Tamkeen.Host.Tests;

/// <summary>A person's timers, fired by the scheduler into their lane while they write nothing.</summary>
public class ConversationTimerTests
{

    private static async Task<Conversation> ConversationAsync(RunningService service)
    {
        await using var db = service.OpenDatabase();
        return await db.Conversations.AsNoTracking().SingleAsync();
    }

    [Fact]
    public async Task A_request_left_open_is_cleared_when_the_idle_timer_fires_and_the_person_is_told_when_they_come_back()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var service = await RunningService.StartAsync(time: clock);
        using var visitor = service.NewVisitor();
        foreach (var text in new[] { "مرحبا", "2", "1", "محمد عبدالله السالم" }) await visitor.SendAsync(text);
        await service.WaitUntilIdleAsync();
        Assert.NotNull((await ConversationAsync(service)).Request);

        clock.Advance(TimeSpan.FromMinutes(30));
        var reset = await Eventually.UntilAsync(() => ConversationAsync(service), c => c.Request is null, "the idle timer to clear the draft");
        Assert.Equal((ConversationState.MainMenu, true), (reset.State, reset.Restarted));
        await using (var db = service.OpenDatabase())
            Assert.Equal(4, await db.Outbox.CountAsync()); // nothing is sent when the timer fires

        await visitor.SendAsync("مرحبا");
        await service.WaitUntilIdleAsync();
        await using var after = service.OpenDatabase();
        Assert.StartsWith("مرّ وقت على آخر رسالة منك", (await after.Outbox.OrderBy(m => m.Id).LastAsync()).Text);
    }

    [Fact]
    public async Task Information_asked_and_nothing_sent_for_three_days_brings_one_reminder()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var service = await RunningService.StartAsync(time: clock, settings: StaffApi.Settings);
        using var visitor = service.NewVisitor();
        foreach (var text in new[] { "مرحبا", "2", "1", "محمد عبدالله السالم", "1012345672", "0551234567", "بريدة", "5", "0", "تخطي", "1" })
            await visitor.SendAsync(text);
        await service.WaitUntilIdleAsync();
        using var staff = StaffApi.Client(service);
        var reference = (await staff.GetFromJsonAsync<JsonElement>("api/staff/requests"))[0].GetProperty("reference").GetString()!;
        await staff.PostAsJsonAsync($"api/staff/requests/{reference}/status", new { status = "NeedsInformation", message = "صورة عقد الإيجار" });
        await service.WaitUntilIdleAsync();

        clock.Advance(TimeSpan.FromDays(3));
        var reminder = await Eventually.UntilAsync(async () =>
        {
            await using var db = service.OpenDatabase();
            return await db.Outbox.Where(m => m.Text.StartsWith("تذكير")).ToListAsync();
        }, rows => rows.Count > 0, "the reminder");
        var sent = Assert.Single(reminder);
        Assert.Contains(reference, sent.Text);
        Assert.True(sent.StartedByBot);

        clock.Advance(TimeSpan.FromDays(3));
        await service.WaitUntilIdleAsync();
        await using var later = service.OpenDatabase();
        Assert.Single(await later.Outbox.Where(m => m.Text.StartsWith("تذكير")).ToListAsync());
        Assert.False(await later.Timers.AnyAsync(t => t.Kind == TimerKind.InformationReminder));
    }
}
