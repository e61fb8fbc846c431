using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tamkeen.Core.Requests;
using Tamkeen.Host.Messaging;
using Tamkeen.Host.Staff;

namespace Tamkeen.Host.Tests;

/// <summary>The requests part of the staff console over real HTTP: the list, a request's page, its forms and its files.</summary>
public partial class StaffRequestConsoleTests
{
    public const string Phone = "0551234567";
    public const string NationalId = "1012345672";

    /// <summary>A new-family request submitted through the website chat; returns its reference.</summary>
    public static async Task<string> SubmitThroughTheChatAsync(RunningService service, HttpClient visitor)
    {
        foreach (var text in new[] { "مرحبا", "2", "1", "محمد عبدالله السالم", NationalId, Phone, "بريده", "5", "0", "تخطي", "1" }) await visitor.SendAsync(text);
        await service.WaitUntilIdleAsync();
        var reference = Reference().Match(await LastBotTextAsync(visitor)).Value;
        Assert.NotEmpty(reference);
        return reference;
    }

    /// <summary>The page's HTML as a browser reads it (the service writes "+" as "&amp;#x2B;").</summary>
    public static async Task<string> PageAsync(HttpClient client, string page) => WebUtility.HtmlDecode(await client.GetStringAsync(page));

    public static async Task<string> TextAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    public static async Task<string> LastBotTextAsync(HttpClient visitor)
    {
        using var history = JsonDocument.Parse(await visitor.GetStringAsync("chat/history"));
        return history.RootElement.GetProperty("lines").EnumerateArray().Last(l => l.GetProperty("from").GetString() == "bot").GetProperty("text").GetString()!;
    }

    [Fact]
    public async Task The_list_finds_a_request_by_reference_name_or_phone_in_any_digits_and_shows_only_masked_numbers()
    {
        await using var service = await RunningService.StartAsync();
        using var visitor = service.NewVisitor();
        var reference = await SubmitThroughTheChatAsync(service, visitor);
        using var staff = await StaffConsole.SignedInAsync(service);

        foreach (var search in new[] { reference, reference.ToLowerInvariant(), "السالم", "٠٥٥ ١٢٣ ٤٥٦٧", "+966551234567", "00966551234567", "4567" })
        {
            var html = await PageAsync(staff, $"staff/requests?q={Uri.EscapeDataString(search)}");
            Assert.Contains($"<bdi dir=\"ltr\" class=\"reference\">{reference}</bdi>", html);
            Assert.Contains("تسجيل أسرة جديدة", html);
            Assert.Contains("مُستلَم", html);
            Assert.Contains("+9665*****567", html);
            Assert.Contains("1*******72", html);
            Assert.Contains("الموقع", html);
            Assert.Contains("هـ", html);
            Assert.DoesNotContain("551234567<", html);
            Assert.DoesNotContain(NationalId, html);
        }
        Assert.DoesNotContain(reference, await PageAsync(staff, "staff/requests?q=0559999999"));
        Assert.DoesNotContain(reference, await PageAsync(staff, "staff/requests?status=Approved"));
        Assert.DoesNotContain(reference, await PageAsync(staff, "staff/requests?overdue=true"));
        Assert.DoesNotContain(reference, await PageAsync(staff, "staff/requests?information=true"));
        Assert.DoesNotContain(reference, await PageAsync(staff, "staff/requests?city=unaizah"));
        Assert.Contains(reference, await PageAsync(staff, "staff/requests?status=Submitted&service=new-family&city=buraydah"));
    }

    [Fact]
    public async Task The_show_button_reveals_the_phone_and_id_for_that_page_and_writes_an_audit_entry()
    {
        await using var service = await RunningService.StartAsync();
        using var visitor = service.NewVisitor();
        var reference = await SubmitThroughTheChatAsync(service, visitor);
        using var staff = await StaffConsole.SignedInAsync(service, name: "sara");
        var page = $"staff/requests/{reference}";

        var masked = await PageAsync(staff, page);
        Assert.Contains("+9665*****567", masked);
        Assert.DoesNotContain(NationalId, masked);
        Assert.Contains("رقم الهوية", masked); // the catalogue's label
        Assert.Contains("المتبقي على موعد الرد: 6 أيام و", masked);

        using var shown = await StaffConsole.PostFormAsync(staff, page, "show");
        var html = await TextAsync(shown);
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Contains("+966551234567", html);
        Assert.Contains(NationalId, html);
        await using (var db = service.OpenDatabase())
        {
            var entry = await db.AuditEntries.SingleAsync(e => e.Action == AuditActions.PersonalDataShown);
            Assert.Equal(("sara", reference), (entry.Who, entry.Subject));
        }
        // Only for that page view: the next one is masked again.
        Assert.DoesNotContain(NationalId, await PageAsync(staff, page));
    }

    [Fact]
    public async Task A_staff_account_is_offered_no_decision_and_a_forged_approval_is_refused_with_the_status_unchanged()
    {
        await using var service = await RunningService.StartAsync();
        using var visitor = service.NewVisitor();
        var reference = await SubmitThroughTheChatAsync(service, visitor);
        using var staff = await StaffConsole.SignedInAsync(service);
        var page = $"staff/requests/{reference}";

        var html = await PageAsync(staff, page);
        var options = StatusOptions().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["Verified", "UnderStudy", "NeedsInformation"], options);

        using var moved = await StaffConsole.PostFormAsync(staff, page, "status", ("StatusInput.Status", "UnderStudy"), ("StatusInput.Note", ""), ("StatusInput.Message", ""));
        Assert.Contains("تغيّرت الحالة إلى «قيد الدراسة»", await TextAsync(moved));

        using var forged = await StaffConsole.PostFormAsync(staff, page, "status", ("StatusInput.Status", "Approved"), ("StatusInput.Note", "forged"), ("StatusInput.Message", "مقبول"));
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Contains("«مقبول» قرار من صلاحيات المدير: لم تتغير حالة الطلب.", await TextAsync(forged));
        using var closedMove = await StaffConsole.PostFormAsync(staff, page, "status", ("StatusInput.Status", "Completed"));
        Assert.Equal(HttpStatusCode.Conflict, closedMove.StatusCode);
        Assert.Contains("لا ينتقل طلب حالته «قيد الدراسة» إلى «مكتمل»", await TextAsync(closedMove));
        await using (var db = service.OpenDatabase())
            Assert.Equal(RequestStatus.UnderStudy, (await db.ServiceRequests.SingleAsync()).Status);

        using var manager = await StaffConsole.SignedInAsync(service, StaffRoles.Manager);
        var managerOptions = StatusOptions().Matches(await PageAsync(manager, page)).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["NeedsInformation", "Approved", "Rejected"], managerOptions);
        using var rejected = await StaffConsole.PostFormAsync(manager, page, "status", ("StatusInput.Status", "Rejected"), ("StatusInput.Message", "نعتذر"));
        Assert.Contains("تغيّرت الحالة إلى «مرفوض»", await TextAsync(rejected));
        var closed = await PageAsync(staff, page);
        Assert.Contains("الطلب مغلق", closed);
        Assert.Empty(StatusOptions().Matches(closed));
        using var reopened = await StaffConsole.PostFormAsync(staff, page, "status", ("StatusInput.Status", "UnderStudy"));
        Assert.Equal(HttpStatusCode.Conflict, reopened.StatusCode);
        Assert.Contains("لا ينتقل طلب حالته «مرفوض» إلى «قيد الدراسة»: لم تتغير حالته. الطلب مغلق.", await TextAsync(reopened));

        using var note = await StaffConsole.PostFormAsync(staff, page, "note", ("NoteInput.Text", "اتصلنا بالمستفيد ولم يرد"));
        var withNote = await TextAsync(note);
        Assert.Contains("أُضيفت الملاحظة الداخلية.", withNote);
        Assert.Contains("اتصلنا بالمستفيد ولم يرد", withNote);
    }

    [Fact]
    public async Task Signed_out_the_list_a_request_and_its_attachment_lead_to_the_sign_in_page_and_signed_in_staff_get_the_file()
    {
        await using var service = await RunningService.StartAsync();
        using var visitor = service.NewVisitor();
        var reference = await SubmitThroughTheChatAsync(service, visitor);
        var store = service.Services.GetRequiredService<AttachmentStore>();
        var bytes = "%PDF-1.4 lease contract"u8.ToArray();
        var attachment = await store.SaveAsync(new MemoryStream(bytes), "application/pdf", "file-1", CancellationToken.None);
        await using (var db = service.OpenDatabase())
            await db.ServiceRequests.ExecuteUpdateAsync(s => s.SetProperty(r => r.AttachmentsJson, JsonSerializer.Serialize(new[] { attachment })));
        var file = $"staff/requests/{reference}/attachments/0";

        using var signedOut = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = service.BaseAddress };
        foreach (var page in new[] { "staff/requests", $"staff/requests/{reference}", file })
        {
            using var response = await signedOut.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/staff/signin", response.Headers.Location!.IsAbsoluteUri ? response.Headers.Location.AbsolutePath : response.Headers.Location.OriginalString);
            Assert.DoesNotContain("lease contract", await TextAsync(response));
        }

        using var staff = await StaffConsole.SignedInAsync(service);
        var withFile = await PageAsync(staff, $"staff/requests/{reference}");
        Assert.Contains($"href=\"/{file}\"", withFile);
        using var download = await staff.GetAsync(file);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"staff/requests/{reference}/attachments/1")).StatusCode);
    }

    [GeneratedRegex(@"TMK-\d{4}-\d{5}")]
    private static partial Regex Reference();

    [GeneratedRegex("<option value=\"([A-Za-z]+)\">")]
    private static partial Regex StatusOptions();
}
