using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Tamkeen.Host.Staff;

namespace Tamkeen.Host.Tests;

/// <summary>The case pages over HTTP: sign-in, who has a case, masking in the transcript.</summary>
public class CaseConsoleTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_second_claim_is_told_who_has_the_case_a_closed_one_takes_no_reply_and_the_transcript_masks_id_and_phone_numbers()
    {
        await using var service = await RunningService.StartAsync(time: WebChatCases.WorkingHours());
        using var visitor = service.NewVisitor();
        var reference = await WebChatCases.AskForStaffAsync(service, visitor, "رقم هويتي 1012345678 وجوالي 0551234567");

        using var signedOut = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = service.BaseAddress };
        Assert.Equal(HttpStatusCode.Redirect, (await signedOut.GetAsync($"staff/cases/{reference}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await signedOut.GetAsync("staff/cases/table", Ct)).StatusCode);

        using var sara = await StaffConsole.SignedInAsync(service, StaffRoles.Staff, "sara");
        using var nura = await StaffConsole.SignedInAsync(service, StaffRoles.Staff, "nura");
        var page = $"staff/cases/{reference}";
        Assert.Equal(HttpStatusCode.OK, (await StaffConsole.PostFormAsync(sara, page, "claim")).StatusCode);
        // Nura's page was opened before; her claim comes second.
        using var second = await StaffConsole.PostFormAsync(nura, page, "claim");
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains($"استلم {ConsoleLanguage.Isolate("sara")} هذه الحالة قبلك", WebUtility.HtmlDecode(await second.Content.ReadAsStringAsync(Ct)));
        Assert.Equal(HttpStatusCode.OK, (await StaffConsole.PostFormAsync(sara, page, "close")).StatusCode);
        using var closedReply = await StaffConsole.PostFormAsync(sara, page, "reply", ("ReplyInput.Text", "رسالة متأخرة"));
        Assert.Contains("أعد فتحها أولاً", WebUtility.HtmlDecode(await closedReply.Content.ReadAsStringAsync(Ct)));
        var html = WebUtility.HtmlDecode(await nura.GetStringAsync(page, Ct));
        Assert.DoesNotContain("1012345678", html);
        Assert.DoesNotContain("0551234567", html);
        Assert.Contains("101••••678", html);

        var table = WebUtility.HtmlDecode(await nura.GetStringAsync("staff/cases/table?status=all", Ct));
        Assert.Contains(reference, table);
        Assert.DoesNotContain(reference, WebUtility.HtmlDecode(await nura.GetStringAsync("staff/cases/table?status=active", Ct)));
        Assert.Contains("مغلقة", WebUtility.HtmlDecode(await nura.GetStringAsync("staff/cases/table?status=closed", Ct)));
        Assert.DoesNotContain("<html", table);
    }
}
