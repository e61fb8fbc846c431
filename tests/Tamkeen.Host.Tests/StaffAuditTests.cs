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

    /// <summary>An action as a line of the log shows it.</summary>
    private static string Row(string action) => $"<td><bdi dir=\"ltr\">{action}</bdi></td>";
}
