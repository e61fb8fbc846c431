using System.Net;
using Tamkeen.Host.Staff;

namespace Tamkeen.Host.Tests;

public class StaffAuditTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Managers_read_the_audit_log_filtered_by_who_and_action_and_staff_cannot()
    {
        await using var service = await RunningService.StartAsync();
        using var manager = await StaffConsole.SignedInAsync(service, StaffRoles.Manager, "mona");
        using var staff = await StaffConsole.SignedInAsync(service, StaffRoles.Staff, "ali");
        using (var stranger = StaffConsole.NewBrowser(service)) await StaffConsole.SignInAsync(stranger, "ali", "not the password at all");

        var failed = await manager.GetStringAsync("staff/audit?who=ali&action=" + AuditActions.SignInFailed, Ct);
        Assert.Contains(Row(AuditActions.SignInFailed), failed);
        Assert.DoesNotContain(Row(AuditActions.SignedIn), failed);
        var all = await manager.GetStringAsync("staff/audit", Ct);
        Assert.Contains("<bdi>mona</bdi>", all);
        Assert.Contains("<bdi>ali</bdi>", all);
        var none = await manager.GetStringAsync("staff/audit?who=nobody", Ct);
        Assert.Contains("لا توجد عمليات بهذه الشروط.", none);

        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("staff/audit", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_date_filter_keeps_to_Saudi_days_at_both_edges()
    {
        await using var service = await RunningService.StartAsync();
        using var manager = await StaffConsole.SignedInAsync(service, StaffRoles.Manager, "mona");
        await using (var db = service.OpenDatabase())
        {
            // 23:30 and 00:30 Saudi time either side of midnight between 1 and 2 December (UTC 20:30 and 21:30 on 1 December).
            db.AuditEntries.Add(AuditEntry.Create(new DateTimeOffset(2026, 12, 1, 20, 30, 0, TimeSpan.Zero), "late", AuditActions.RequestNoteAdded, "TMK-2612-00001"));
            db.AuditEntries.Add(AuditEntry.Create(new DateTimeOffset(2026, 12, 1, 21, 30, 0, TimeSpan.Zero), "early", AuditActions.RequestNoteAdded, "TMK-2612-00002"));
            await db.SaveChangesAsync(Ct);
        }

        var first = await manager.GetStringAsync("staff/audit?from=2026-12-01&to=2026-12-01", Ct);
        var second = await manager.GetStringAsync("staff/audit?from=2026-12-02&to=2026-12-02", Ct);

        Assert.Contains("TMK-2612-00001", first);
        Assert.DoesNotContain("TMK-2612-00002", first);
        Assert.Contains("TMK-2612-00002", second);
        Assert.DoesNotContain("TMK-2612-00001", second);
    }

    /// <summary>An action as a line of the log shows it.</summary>
    private static string Row(string action) => $"<td><bdi dir=\"ltr\">{action}</bdi></td>";
}
