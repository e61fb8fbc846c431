using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tamkeen.Core.Conversations;
using Tamkeen.Core.Handoff;
using Tamkeen.Core.Requests;
using Tamkeen.Host.Data;
using Tamkeen.Host.Messaging;
using Tamkeen.Host.Staff;

namespace Tamkeen.Host.Handoff.Telegram;

/// <summary>
/// A case's card in the staff group (Telegram HTML, Arabic): what it is about, the person's latest words with ID and phone
/// numbers masked, their open requests, its state, and the buttons that fit that state. Rebuilt from the database for
/// every post, so an edit shows the case as it is now.
/// </summary>
public static class CaseCard
{
    public const string ClaimPayload = "case:claim:";
    public const string ClosePayload = "case:close:";

    private const int MessagesShown = 5;
    private const int MessageLengthShown = 300;

    public static async Task<(string Text, IReadOnlyList<ReplyButton> Buttons)> BuildAsync(TamkeenDb db, StaffCase staffCase, string? consoleBaseUrl,
        bool mentionManagers, CancellationToken cancellationToken)
    {
        var texts = await db.Inbox.AsNoTracking()
            .Where(m => m.BeneficiaryId == staffCase.BeneficiaryId && m.Kind == InputKind.Message && m.Text != null)
            .OrderByDescending(m => m.Id).Take(MessagesShown).Select(m => m.Text!).ToListAsync(cancellationToken);
        var requests = await db.ServiceRequests.AsNoTracking()
            .Where(r => r.BeneficiaryId == staffCase.BeneficiaryId)
            .OrderByDescending(r => r.Id).Select(r => new { r.Reference, r.Status, r.AnswersJson }).ToListAsync(cancellationToken);
        var claimedBy = staffCase.ClaimedBy is null ? null : await DisplayNameAsync(db, staffCase.ClaimedBy, cancellationToken);
        var closedBy = staffCase.ClosedBy is null ? null : await DisplayNameAsync(db, staffCase.ClosedBy, cancellationToken);

        var text = new StringBuilder();
        if (staffCase.Urgent) text.Append("🔴 <b>عاجل</b>\n");
        text.Append("<b>حالة ").Append(Isolated(staffCase.Reference)).Append("</b>\n");
        text.Append("السبب: ").Append(Reason(staffCase.Reason)).Append('\n');
        text.Append("القناة: ").Append(ChannelName(staffCase.Channel)).Append('\n');
        if (requests.Select(r => FirstName(r.AnswersJson)).FirstOrDefault(n => n is not null) is { } name)
            text.Append("الاسم: ").Append(Html(name)).Append('\n');
        text.Append("الوضع: ").Append(State(staffCase, claimedBy, closedBy)).Append('\n');
        if (texts.Count > 0)
        {
            text.Append("\nرسائله:\n");
            foreach (var said in Enumerable.Reverse(texts)) text.Append("• ").Append(Masked(said)).Append('\n');
        }
        var open = requests.Where(r => r.Status is not (RequestStatus.Rejected or RequestStatus.Completed)).Select(r => Isolated(r.Reference)).ToList();
        if (open.Count > 0) text.Append("\nطلباته المفتوحة: ").Append(string.Join("، ", open)).Append('\n');
        if (mentionManagers || staffCase.Urgent && staffCase.Status == CaseStatus.Open)
            text.Append(await ManagersAsync(db, cancellationToken));

        List<ReplyButton> buttons = [];
        if (staffCase.Status == CaseStatus.Open) buttons.Add(new(ClaimPayload + staffCase.Reference, "استلام"));
        if (staffCase.IsActive) buttons.Add(new(ClosePayload + staffCase.Reference, "إغلاق"));
        if (consoleBaseUrl is { Length: > 0 })
            buttons.Add(new($"{consoleBaseUrl.TrimEnd('/')}/staff/cases/{Uri.EscapeDataString(staffCase.Reference)}", "فتح في اللوحة"));
        return (text.ToString().TrimEnd(), buttons);
    }

    /// <summary>The name of the case's forum topic: «CAS-2612-00042 — طلب التحدث مع موظف». Plain text, not HTML.</summary>
    public static string TopicName(StaffCase staffCase) => $"{staffCase.Reference} — {Reason(staffCase.Reason)}";

    /// <summary>The person's words as the group may see them: numbers that could be an ID or a phone masked, HTML-escaped.</summary>
    public static string Masked(string said) =>
        Html(ContactMask.Numbers(said.Length > MessageLengthShown ? said[..MessageLengthShown] + "…" : said));

    public static string Html(string text) => WebUtility.HtmlEncode(text);

    /// <summary>Left-to-right references stay whole inside Arabic lines.</summary>
    public static string Isolated(string reference) => $"\u2066{Html(reference)}\u2069";

    /// <summary>Text mentions of the managers who linked Telegram, which notify them even without a user name.</summary>
    public static async Task<string> ManagersAsync(TamkeenDb db, CancellationToken cancellationToken)
    {
        var managers = await (from user in db.Users
                join userRole in db.UserRoles on user.Id equals userRole.UserId
                join role in db.Roles on userRole.RoleId equals role.Id
                where role.Name == StaffRoles.Manager && user.TelegramUserId != null
                select new { user.TelegramUserId, user.DisplayName, user.UserName }).ToListAsync(cancellationToken);
        if (managers.Count == 0) return "";
        return "\nللمديرين: " + string.Join(" ", managers.Select(m => $"<a href=\"tg://user?id={m.TelegramUserId}\">{Html(m.DisplayName ?? m.UserName ?? "")}</a>")) + "\n";
    }

    public static async Task<string> DisplayNameAsync(TamkeenDb db, string userName, CancellationToken cancellationToken) =>
        await db.Users.Where(u => u.UserName == userName).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken) ?? userName;

    private static string State(StaffCase staffCase, string? claimedBy, string? closedBy) => staffCase.Status switch
    {
        CaseStatus.Open => "بانتظار من يستلمها",
        CaseStatus.Claimed => $"استلمها {Html(claimedBy ?? "")}",
        CaseStatus.Released => $"أُعيدت إلى البوت ({Html(closedBy ?? "")})",
        CaseStatus.Closed => $"أُغلقت ({Html(closedBy ?? "")})",
        _ => "سحبها صاحبها",
    };

    private static string Reason(CaseReason reason) => reason switch
    {
        CaseReason.AskedForPerson => "طلب التحدث مع موظف",
        CaseReason.GuideFailedTwice => "لم يجد الدليل جواباً مرتين",
        CaseReason.Complaint => "شكوى",
        CaseReason.FieldTries => "تعثّر في تعبئة طلب ثلاث مرات",
        _ => "كلمات تدل على حالة عاجلة",
    };

    private static string ChannelName(Channel channel) => channel switch
    {
        Channel.Telegram => "تيليجرام",
        Channel.WhatsApp => "واتساب",
        Channel.Sms => "رسائل نصية",
        _ => "محادثة الموقع",
    };

    private static string? FirstName(string answersJson)
    {
        try
        {
            var full = JsonSerializer.Deserialize<Dictionary<string, string>>(answersJson)?.GetValueOrDefault(RequestFields.Code(RequestField.FullName));
            return full?.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
