using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Tamkeen.Core.Conversations;
using Tamkeen.Core.Requests;
using Tamkeen.Host.Data;
using Tamkeen.Host.Messaging.Timers;
using Tamkeen.Host.Requests;

namespace Tamkeen.Host.Tests;

public class RequestOverdueTests
{
    private static readonly string[] StaffSettings = StaffApi.Settings;
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Due = Start + DueDate.Promise;

    [Fact]
    public async Task A_request_past_its_one_week_promise_is_listed_overdue_without_anyone_touching_it()
    {
        var clock = new FakeTimeProvider(Start);
        await using var service = await RunningService.StartAsync(time: clock, settings: StaffSettings);
        var reference = await SubmitFoodBasketAsync(service, "2012345670");
        using var staff = Staff(service);
        Assert.False((await ReadAsync(staff, reference)).GetProperty("overdue").GetBoolean());
        Assert.Empty(await ListAsync(staff, "?overdue=true"));
        await using (var db = service.OpenDatabase())
        {
            var timer = await OverdueTimers(db).SingleAsync();
            Assert.Equal((RequestOverdue.Subject(reference), TimerKind.RequestOverdue, Due), (timer.Subject, timer.Kind, timer.DueAt));
        }

        clock.Advance(DueDate.Promise + TimeSpan.FromSeconds(1));

        var overdue = Assert.Single(await Eventually.UntilAsync(() => ListAsync(staff, "?overdue=true"), list => list.Count > 0,
            "the request to be listed as overdue"));
        Assert.Equal(reference, overdue.GetProperty("reference").GetString());
        Assert.Equal(Due, overdue.GetProperty("overdueSince").GetDateTimeOffset());
        Assert.Empty(await ListAsync(staff, "?overdue=false"));
        Assert.True((await ReadAsync(staff, reference)).GetProperty("overdue").GetBoolean());
        await using (var db = service.OpenDatabase()) Assert.Empty(await OverdueTimers(db).ToListAsync());
    }

    [Fact]
    public async Task A_request_decided_before_its_due_date_is_never_overdue_and_its_timer_is_gone()
    {
        var clock = new FakeTimeProvider(Start);
        await using var service = await RunningService.StartAsync(time: clock, settings: StaffSettings);
        var approved = await SubmitFoodBasketAsync(service, "2012345670");
        var reopened = await SubmitFoodBasketAsync(service, "1012345672");
        using var staff = Staff(service);

        foreach (var reference in new[] { approved, reopened })
        {
            await ChangeStatusAsync(staff, reference, "UnderStudy");
            await ChangeStatusAsync(staff, reference, "Approved");
        }
        await ChangeStatusAsync(staff, reopened, "UnderStudy");
        await using (var db = service.OpenDatabase())
        {
            var timer = await OverdueTimers(db).SingleAsync();
            Assert.Equal((RequestOverdue.Subject(reopened), Due), (timer.Subject, timer.DueAt));
        }

        clock.Advance(TimeSpan.FromDays(8));

        // Once the reopened request is overdue its due time has been dealt with, so the approved one, due at the same
        // moment, would be overdue by now if it were going to be.
        await Eventually.UntilAsync(() => ListAsync(staff, "?overdue=true"), list => list.Count > 0, "the reopened request to be overdue");
        Assert.Equal([reopened], (await ListAsync(staff, "?overdue=true")).Select(r => r.GetProperty("reference").GetString()));
        Assert.False((await ReadAsync(staff, approved)).GetProperty("overdue").GetBoolean());
        await using (var db = service.OpenDatabase()) Assert.Empty(await OverdueTimers(db).ToListAsync());

        // Back to undecided after its due date: overdue since that date at once, no timer needed.
        await ChangeStatusAsync(staff, approved, "UnderStudy");
        var read = await ReadAsync(staff, approved);
        Assert.True(read.GetProperty("overdue").GetBoolean());
        Assert.Equal(Due, read.GetProperty("overdueSince").GetDateTimeOffset());
        await ChangeStatusAsync(staff, approved, "Rejected");
        Assert.False((await ReadAsync(staff, approved)).GetProperty("overdue").GetBoolean());
        await using (var db = service.OpenDatabase()) Assert.Empty(await OverdueTimers(db).ToListAsync());
    }

    [Fact]
    public async Task A_request_that_came_due_while_the_service_was_stopped_is_overdue_at_the_next_start()
    {
        var clock = new FakeTimeProvider(Start);
        var database = RunningService.NewDatabaseFile();
        string reference;
        await using (var first = await RunningService.StartAsync(database, clock, settings: StaffSettings))
        {
            reference = await SubmitFoodBasketAsync(first, "2012345670");
        }

        clock.Advance(TimeSpan.FromDays(10));
        await using var service = await RunningService.StartAsync(database, clock, settings: StaffSettings);

        using var staff = Staff(service);
        var overdue = Assert.Single(await Eventually.UntilAsync(() => ListAsync(staff, "?overdue=true"), list => list.Count > 0,
            "the request to be overdue after the restart"));
        Assert.Equal(reference, overdue.GetProperty("reference").GetString());
        Assert.Equal(Due, overdue.GetProperty("overdueSince").GetDateTimeOffset());
    }

    /// <summary>The requests' timers; conversations have timers of their own.</summary>
    private static IQueryable<DueTimer> OverdueTimers(TamkeenDb db) => db.Timers.Where(t => t.Kind == TimerKind.RequestOverdue);

    /// <summary>A food basket request through the website chat, as a new visitor; returns its reference.</summary>
    private static async Task<string> SubmitFoodBasketAsync(RunningService service, string nationalId)
    {
        using var visitor = service.NewVisitor();
        foreach (var text in new[] { "مرحبا", "2", "2", "سارة محمد", nationalId, "0509876543", "الرس", "4", "تخطي", "1" }) await visitor.SendAsync(text);
        await service.WaitUntilIdleAsync();
        await using var db = service.OpenDatabase();
        return await db.ServiceRequests.Where(r => r.NationalId == nationalId).Select(r => r.Reference).SingleAsync();
    }

    private static HttpClient Staff(RunningService service) => StaffApi.Client(service);

    private static async Task<List<JsonElement>> ListAsync(HttpClient staff, string query) =>
        (await staff.GetFromJsonAsync<JsonElement>($"api/staff/requests{query}")).EnumerateArray().ToList();

    private static Task<JsonElement> ReadAsync(HttpClient staff, string reference) =>
        staff.GetFromJsonAsync<JsonElement>($"api/staff/requests/{reference}");

    private static async Task ChangeStatusAsync(HttpClient staff, string reference, string status)
    {
        var response = await staff.PostAsJsonAsync($"api/staff/requests/{reference}/status", new { status });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
