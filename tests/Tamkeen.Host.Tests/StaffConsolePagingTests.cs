using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Tamkeen.Core.Requests;
using Tamkeen.Host.Requests;
using Tamkeen.Host.Staff;

namespace Tamkeen.Host.Tests;

/// <summary>The console's long lists, a page of 50 at a time, over real HTTP.</summary>
public partial class StaffConsolePagingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_request_list_shows_50_at_a_time_with_the_total_and_keeps_the_filter_in_its_page_links()
    {
        await using var service = await RunningService.StartAsync();
        using var visitor = service.NewVisitor();
        var submitted = await StaffRequestConsoleTests.SubmitThroughTheChatAsync(service, visitor);
        await using (var db = service.OpenDatabase())
        {
            var original = await db.ServiceRequests.AsNoTracking().SingleAsync(r => r.Reference == submitted, Ct);
            // 120 under study, each due a minute after the one before, and 10 others the filter leaves out.
            db.ServiceRequests.AddRange(Enumerable.Range(1, 130).Select(i => new ServiceRequest
            {
                Reference = $"PAGE{i:000}", BeneficiaryId = original.BeneficiaryId, ServiceId = original.ServiceId, AnswersJson = original.AnswersJson,
                Status = i <= 120 ? RequestStatus.UnderStudy : RequestStatus.Verified,
                SubmittedAt = original.SubmittedAt, DueAt = original.DueAt.AddMinutes(i),
            }));
            await db.SaveChangesAsync(Ct);
        }
        using var staff = await StaffConsole.SignedInAsync(service);

        var first = await staff.GetStringAsync("staff/requests?status=UnderStudy", Ct);
        Assert.Equal(50, Rows(first).Count);
        Assert.Equal("PAGE001", Rows(first)[0]);
        Assert.Contains("العدد: <bdi>120</bdi> — الصفحة <bdi>1</bdi> من <bdi>3</bdi>", first);
        Assert.DoesNotContain("rel=\"prev\"", first);
        var next = WebUtility.HtmlDecode(NextLink().Match(first).Groups[1].Value);
        Assert.Equal("/staff/requests?status=UnderStudy&page=2", next);

        var second = await staff.GetStringAsync(next, Ct);
        Assert.Equal("PAGE051", Rows(second)[0]);
        Assert.Contains("rel=\"prev\"", second);

        var third = await staff.GetStringAsync("staff/requests?status=UnderStudy&page=3", Ct);
        Assert.Equal(20, Rows(third).Count);
        Assert.Equal("PAGE120", Rows(third)[^1]);
        Assert.Contains("الصفحة <bdi>3</bdi> من <bdi>3</bdi>", third);
        Assert.DoesNotContain("rel=\"next\"", third);

        // A page past the end, or not a number, is still a page of the list.
        Assert.Equal(Rows(third), Rows(await staff.GetStringAsync("staff/requests?status=UnderStudy&page=9", Ct)));
        Assert.Equal(Rows(first), Rows(await staff.GetStringAsync("staff/requests?status=UnderStudy&page=x", Ct)));

        // Searching pages too: every reference with "page" in it is 130, and the submitted one is not among them.
        var found = await staff.GetStringAsync("staff/requests?q=page&page=3", Ct);
        Assert.Equal(30, Rows(found).Count);
        Assert.Contains("العدد: <bdi>130</bdi> — الصفحة <bdi>3</bdi> من <bdi>3</bdi>", found);

        (await staff.GetAsync("staff/language?to=en&back=/staff/", Ct)).Dispose();
        Assert.Contains("Total <bdi>120</bdi> — page <bdi>1</bdi> of <bdi>3</bdi>", await staff.GetStringAsync("staff/requests?status=UnderStudy", Ct));
    }

    [Fact]
    public async Task The_audit_log_pages_the_entries_of_the_chosen_person_and_keeps_both_filters_in_its_links()
    {
        await using var service = await RunningService.StartAsync();
        await using (var db = service.OpenDatabase())
        {
            var at = DateTimeOffset.UtcNow;
            db.AuditEntries.AddRange(Enumerable.Range(1, 70).Select(i => AuditEntry.Create(at.AddSeconds(i), "nura", AuditActions.TokenCreated, "nura", $"key {i}")));
            await db.SaveChangesAsync(Ct);
        }
        using var manager = await StaffConsole.SignedInAsync(service, StaffRoles.Manager, "mona");

        var first = await manager.GetStringAsync($"staff/audit?who=nura&action={AuditActions.TokenCreated}", Ct);
        Assert.Contains("العدد: <bdi>70</bdi> — الصفحة <bdi>1</bdi> من <bdi>2</bdi>", first);
        Assert.Contains("<bdi>key 70</bdi>", first);
        Assert.DoesNotContain("<bdi>key 20</bdi>", first);
        var next = WebUtility.HtmlDecode(NextLink().Match(first).Groups[1].Value);
        Assert.Equal($"/staff/audit?who=nura&action={AuditActions.TokenCreated}&page=2", next);
        var second = await manager.GetStringAsync(next, Ct);
        Assert.Contains("<bdi>key 20</bdi>", second);
        Assert.Equal(20, Regex.Count(second, "<bdi>key \\d+</bdi>"));
    }

    private static List<string> Rows(string html) => RequestRow().Matches(html).Select(m => m.Groups[1].Value).ToList();

    [GeneratedRegex("<a href=\"/staff/requests/[^\"]+\"><bdi dir=\"ltr\" class=\"reference\">([^<]+)</bdi>")]
    private static partial Regex RequestRow();

    [GeneratedRegex("<a rel=\"next\" href=\"([^\"]+)\"")]
    private static partial Regex NextLink();
}
