using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Tamkeen.Core.Conversations;
using Tamkeen.Core.Feedback;
using Tamkeen.Host.Messaging;
using Tamkeen.Host.Staff;

namespace Tamkeen.Host.Tests;

/// <summary>Suggestions and complaints handled in the staff console over real HTTP: the list, the item's page and its forms.</summary>
public partial class FeedbackConsoleTests
{
    private const string Complaint = "تأخر الرد على طلبي أكثر من أسبوعين دون أي اتصال من الجمعية";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A visitor of the website chat sends a complaint; returns its reference.</summary>
    public static async Task<string> SendComplaintAsync(RunningService service, HttpClient visitor, string text = Complaint)
    {
        await visitor.SendAsync("مرحبا");
        await visitor.SendAsync("5");
        await visitor.SendAsync("2");
        await visitor.SendAsync(text);
        await service.WaitUntilIdleAsync();
        await using var db = service.OpenDatabase();
        return (await db.Feedback.SingleAsync(f => f.Text == text, Ct)).Reference;
    }

    [Fact]
    public async Task Staff_mark_a_complaint_in_progress_assign_it_note_it_and_reply_and_each_action_is_audited()
    {
        await using var service = await RunningService.StartAsync();
        using var visitor = service.NewVisitor();
        var reference = await SendComplaintAsync(service, visitor);
        await StaffConsole.CreateAccountAsync(service, "nura", StaffRoles.Staff);
        using var staff = await StaffConsole.SignedInAsync(service, name: "sara");

        var list = await staff.GetStringAsync("staff/", Ct);
        Assert.Contains(reference, list);
        Assert.Contains(Complaint, list);
        Assert.Contains("جديد", list);
        Assert.Contains("محادثة الموقع", list);
        var page = $"staff/feedback/{reference}";

        using (var status = await StaffConsole.PostFormAsync(staff, page, "status", ("StatusInput.Status", "InProgress")))
        {
            Assert.Equal(HttpStatusCode.OK, status.StatusCode);
            Assert.Contains("done=status", status.RequestMessage!.RequestUri!.Query);
        }
        (await StaffConsole.PostFormAsync(staff, page, "assign", ("AssignInput.Assignee", "nura"))).Dispose();
        (await StaffConsole.PostFormAsync(staff, page, "assign-me")).Dispose();
        (await StaffConsole.PostFormAsync(staff, page, "note", ("NoteInput.Note", "اتصلت بقسم الطلبات: الطلب عند المدير"))).Dispose();
        using var replied = await StaffConsole.PostFormAsync(staff, page, "reply", ("ReplyInput.Reply", "نعتذر عن التأخير، وسيتواصل معك الباحث غداً"));
        var detail = await replied.Content.ReadAsStringAsync(Ct);
        await service.WaitUntilIdleAsync();

        await using var db = service.OpenDatabase();
        var item = await db.Feedback.SingleAsync(f => f.Reference == reference, Ct);
        Assert.Equal(FeedbackStatus.InProgress, item.Status);
        Assert.Equal("sara", item.AssignedTo);
        Assert.Equal("اتصلت بقسم الطلبات: الطلب عند المدير", item.InternalNote);

        var sent = await db.Outbox.OrderBy(m => m.Id).LastAsync(Ct);
        Assert.Equal(Channel.WebChat, sent.Channel);
        Assert.Equal((await db.Inbox.OrderBy(m => m.Id).LastAsync(Ct)).SenderAddress, sent.Address);
        Assert.True(sent.StartedByBot);
        Assert.Equal(DeliveryStatus.Sent, sent.Status);
        Assert.Contains("نعتذر عن التأخير، وسيتواصل معك الباحث غداً", sent.Text);
        Assert.Contains(reference, sent.Text);
        Assert.DoesNotContain(db.Outbox, m => m.Text.Contains("قسم الطلبات"));
        // The page shows the reply as it was sent.
        Assert.Contains(sent.Text, WebUtility.HtmlDecode(detail));

        var audit = await db.AuditEntries.Where(a => a.Subject == reference).OrderBy(a => a.Id).ToListAsync(Ct);
        Assert.Equal([AuditActions.FeedbackStatusChanged, AuditActions.FeedbackAssigned, AuditActions.FeedbackAssigned, AuditActions.FeedbackNoteSaved, AuditActions.FeedbackReplied],
            audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal("sara", a.Who));
        Assert.Equal("New → InProgress", audit[0].Detail);
        Assert.Equal("- → nura", audit[1].Detail);
        Assert.Equal("nura → sara", audit[2].Detail);
        Assert.Equal(5, await db.FeedbackHistory.CountAsync(h => h.FeedbackItemId == item.Id, Ct));

        list = await staff.GetStringAsync("staff/", Ct);
        Assert.Contains("قيد المعالجة", list);
        Assert.Contains(">sara<", list);
        var history = await visitor.GetStringAsync("chat/history", Ct);
        Assert.Contains("وسيتواصل معك الباحث غداً", Regex.Unescape(history));
        Assert.DoesNotContain("قسم الطلبات", Regex.Unescape(history));
    }

    [Fact]
    public async Task The_list_filters_by_kind_and_status_and_an_unknown_account_or_reference_is_refused()
    {
        await using var service = await RunningService.StartAsync();
        using var visitor = service.NewVisitor();
        var complaint = await SendComplaintAsync(service, visitor);
        await visitor.SendAsync("5");
        await visitor.SendAsync("1");
        await visitor.SendAsync("نقترح فتح فرع للجمعية في البكيرية لخدمة الأسر هناك");
        await service.WaitUntilIdleAsync();
        using var staff = await StaffConsole.SignedInAsync(service);
        (await StaffConsole.PostFormAsync(staff, $"staff/feedback/{complaint}", "status", ("StatusInput.Status", "Handled"))).Dispose();

        var complaints = await staff.GetStringAsync("staff/?kind=Complaint", Ct);
        Assert.Contains(complaint, complaints);
        Assert.DoesNotContain("SUG-", complaints);
        var newOnes = await staff.GetStringAsync("staff/?status=New", Ct);
        Assert.Contains("SUG-", newOnes);
        Assert.DoesNotContain(complaint, newOnes);
        Assert.Contains("تمت المعالجة", await staff.GetStringAsync("staff/?status=Handled&kind=Complaint", Ct));

        using var unknown = await StaffConsole.PostFormAsync(staff, $"staff/feedback/{complaint}", "assign", ("AssignInput.Assignee", "nobody-here"));
        Assert.Contains("لا يوجد حساب موظف بهذا الاسم", await unknown.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync("staff/feedback/CMP-0000-00000", Ct)).StatusCode);

        using var anonymous = StaffConsole.NewBrowser(service);
        using var signIn = await anonymous.GetAsync($"staff/feedback/{complaint}", Ct);
        Assert.Equal("/staff/signin", signIn.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task The_unanswered_questions_page_lists_them_with_long_numbers_masked()
    {
        await using var service = await RunningService.StartAsync();
        using var visitor = service.NewVisitor();
        await visitor.SendAsync("مرحبا");
        await visitor.SendAsync("1");
        await visitor.SendAsync("كم سعر الذهب اليوم اتصلوا علي 0501234567");
        await service.WaitUntilIdleAsync();
        using var staff = await StaffConsole.SignedInAsync(service);

        var page = await staff.GetStringAsync("staff/questions", Ct);
        Assert.Contains("كم سعر الذهب اليوم", page);
        Assert.Contains("050••••567", page);
        Assert.DoesNotContain("0501234567", page);
        // The JSON API stays as it was, for tools.
        Assert.Contains("0501234567", await staff.GetStringAsync("staff/api/unanswered-questions", Ct));
    }
}
