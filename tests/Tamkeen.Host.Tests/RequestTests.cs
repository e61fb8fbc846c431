using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Tamkeen.Core.Requests;

namespace Tamkeen.Host.Tests;

public class RequestTests
{
    private const string Token = StaffApi.Token;
    private static readonly string[] StaffSettings = StaffApi.Settings;

    private static HttpClient Staff(RunningService service, string? token = Token) => StaffApi.Client(service, token);

    private static async Task<string> LastBotTextAsync(HttpClient visitor)
    {
        using var history = JsonDocument.Parse(await visitor.GetStringAsync("chat/history"));
        return history.RootElement.GetProperty("lines").EnumerateArray().Last(l => l.GetProperty("from").GetString() == "bot").GetProperty("text").GetString()!;
    }

    [Fact]
    public async Task A_request_filled_in_across_a_restart_is_submitted_and_a_request_for_information_is_answered_in_the_chat()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
        var database = RunningService.NewDatabaseFile();
        var cookies = new CookieContainer();
        await using (var first = await RunningService.StartAsync(database, clock, settings: StaffSettings))
        {
            using var visitor = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = first.BaseAddress };
            foreach (var text in new[] { "مرحبا", "2", "1", "محمد عبدالله السالم", "1012345672", "0551234567" }) await visitor.SendAsync(text);
            await first.WaitUntilIdleAsync();
        }

        await using var service = await RunningService.StartAsync(database, clock, settings: StaffSettings);
        using (var visitor = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = service.BaseAddress })
        {
            foreach (var text in new[] { "بريده", "5", "0", "تخطي", "2", "1", "محمد عبدالله الحربي", "1" }) await visitor.SendAsync(text);
            await service.WaitUntilIdleAsync();
            Assert.Contains("تم استلام طلبك برقم مرجعي TMK-2611-", await LastBotTextAsync(visitor));
        }

        await using (var db = service.OpenDatabase())
        {
            var stored = await db.ServiceRequests.Include(r => r.History).SingleAsync();
            Assert.Equal("new-family", stored.ServiceId);
            Assert.Equal("1012345672", stored.NationalId);
            Assert.Equal("buraydah", stored.City);
            Assert.Contains("محمد عبدالله الحربي", stored.AnswersJson);
            Assert.Equal(clock.GetUtcNow().AddDays(7), stored.DueAt);
        }

        using var staff = Staff(service);
        var reference = (await staff.GetFromJsonAsync<JsonElement>("api/staff/requests"))[0].GetProperty("reference").GetString()!;
        var change = await staff.PostAsJsonAsync($"api/staff/requests/{reference}/status", new { status = "NeedsInformation", note = "تحققنا من السجل المدني", message = "نرجو إرسال صورة عقد الإيجار" });
        Assert.Equal(HttpStatusCode.OK, change.StatusCode);
        await service.WaitUntilIdleAsync();

        using var again = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = service.BaseAddress };
        var notice = await LastBotTextAsync(again);
        Assert.Contains($"تغيّرت حالة طلبك {reference} (تسجيل أسرة جديدة) إلى: بحاجة إلى معلومات إضافية", notice);
        Assert.Contains("نرجو إرسال صورة عقد الإيجار", notice);
        Assert.DoesNotContain("تحققنا من السجل المدني", notice); // the internal note stays with staff

        Assert.Contains($"يرجى إرسال المعلومات المطلوبة لطلبك \u2066{reference}\u2069", notice);

        await again.SendAsync("رقم عقد الإيجار في منصة إيجار 20261125");
        await service.WaitUntilIdleAsync();
        Assert.StartsWith("وصلنا ما أرسلته", await LastBotTextAsync(again));
        var arrived = (await staff.GetFromJsonAsync<JsonElement>("api/staff/requests")).EnumerateArray().Single(r => r.GetProperty("reference").GetString() == reference);
        Assert.True(arrived.GetProperty("informationReceived").GetBoolean());
        await again.SendAsync("انتهيت");
        await service.WaitUntilIdleAsync();
        Assert.StartsWith($"شكراً لك، أضفنا إلى طلبك \u2066{reference}\u2069 ما أرسلته (الرسائل: 1، الملفات: 0)", await LastBotTextAsync(again));

        var read = await staff.GetFromJsonAsync<JsonElement>($"api/staff/requests/{reference}");
        var history = read.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(["Submitted", "NeedsInformation", null], history.Select(h => h.GetProperty("status").GetString()));
        Assert.Equal("sara", history[1].GetProperty("by").GetString());
        Assert.Equal(("تحققنا من السجل المدني", "نرجو إرسال صورة عقد الإيجار"),
            (history[1].GetProperty("note").GetString(), history[1].GetProperty("message").GetString()));
        Assert.Equal("رقم عقد الإيجار في منصة إيجار 20261125", history[2].GetProperty("note").GetString());
        Assert.Equal("beneficiary", history[2].GetProperty("by").GetString());
    }

    [Fact]
    public async Task The_staff_api_refuses_calls_without_a_valid_token_and_lists_overdue_requests()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
        await using var service = await RunningService.StartAsync(time: clock, settings: StaffSettings);
        using var visitor = service.NewVisitor();
        foreach (var text in new[] { "مرحبا", "2", "2", "سارة محمد", "2012345670", "0509876543", "الرس", "4", "تخطي", "1" }) await visitor.SendAsync(text);
        await service.WaitUntilIdleAsync();

        using (var anonymous = Staff(service, token: null))
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("api/staff/requests")).StatusCode);
        using (var wrong = Staff(service, token: "not-the-token-0123456789abcdefghijkl"))
            Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.PostAsJsonAsync("api/staff/requests/TMK-2611-00001/notes", new { note = "x" })).StatusCode);

        using var staff = Staff(service);
        var listed = Assert.Single((await staff.GetFromJsonAsync<JsonElement>("api/staff/requests?service=food-basket&city=rass")).EnumerateArray());
        Assert.Equal(FieldValidators.MaskNationalId("2012345670"), listed.GetProperty("nationalId").GetString());
        Assert.False(listed.GetProperty("overdue").GetBoolean());

        clock.Advance(TimeSpan.FromDays(8));
        var overdue = await Eventually.UntilAsync(() => staff.GetFromJsonAsync<JsonElement>("api/staff/requests?overdue=true"),
            list => list.GetArrayLength() > 0, "the request to be listed as overdue");
        Assert.Equal(listed.GetProperty("reference").GetString(), Assert.Single(overdue.EnumerateArray()).GetProperty("reference").GetString());
        Assert.Empty((await staff.GetFromJsonAsync<JsonElement>("api/staff/requests?status=Approved")).EnumerateArray());

        // The same service for the same ID number from another account: told only that one exists, nothing new stored,
        // and staff see the attempt on the request.
        using (var relative = service.NewVisitor())
        {
            foreach (var text in new[] { "مرحبا", "2", "2", "محمد سعد", "٢٠١٢٣٤٥٦٧٠" }) await relative.SendAsync(text);
            await service.WaitUntilIdleAsync();
            var told = await LastBotTextAsync(relative);
            Assert.StartsWith("يوجد طلب مفتوح لهذه الخدمة برقم الهوية هذا", told);
            Assert.DoesNotContain(listed.GetProperty("reference").GetString()!, told);
            var attempts = (await staff.GetFromJsonAsync<JsonElement>($"api/staff/requests/{listed.GetProperty("reference").GetString()}")).GetProperty("history");
            Assert.Contains(attempts.EnumerateArray(), h => h.GetProperty("by").GetString() == "system");
        }
        await using (var db = service.OpenDatabase()) Assert.Equal(1, await db.ServiceRequests.CountAsync());

        // Another family guessing the reference learns nothing, not even with the ID number on file.
        var reference = listed.GetProperty("reference").GetString()!;
        using var guesser = service.NewVisitor();
        await guesser.SendAsync("مرحبا");
        await guesser.SendAsync(reference);
        await guesser.SendAsync("1012345672");
        await service.WaitUntilIdleAsync();
        using var history = JsonDocument.Parse(await guesser.GetStringAsync("chat/history"));
        var botLines = history.RootElement.GetProperty("lines").EnumerateArray()
            .Where(l => l.GetProperty("from").GetString() == "bot").Select(l => l.GetProperty("text").GetString()!).ToList();
        Assert.StartsWith("لم نجد هذا الرقم المرجعي ضمن طلباتك", botLines[1]);
        Assert.DoesNotContain(botLines, line => line.Contains(reference, StringComparison.Ordinal));
        Assert.DoesNotContain(botLines, line => line.Contains("سلة غذائية", StringComparison.Ordinal));
    }
}
