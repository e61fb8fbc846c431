using Tamkeen.Core.Handoff;
using Tamkeen.Host.Handoff;
using static Tamkeen.Host.Staff.ConsoleLanguage;

namespace Tamkeen.Host.Staff.Pages.Cases;

/// <summary>The console's words for cases, in its language.</summary>
public static class CaseText
{
    public static string Reason(CaseReason reason) => reason switch
    {
        CaseReason.AskedForPerson => Say("طلب التحدث إلى موظف", "Asked to talk to a member of staff"),
        CaseReason.GuideFailedTwice => Say("لم يجد جواباً في الدليل مرتين", "Found no answer in the guide twice"),
        CaseReason.Complaint => Say("شكوى", "Complaint"),
        CaseReason.FieldTries => Say("تعثّر في تعبئة طلب", "Stuck filling in a request"),
        _ => Say("كلمات تدل على حالة طارئة", "Words that suggest an emergency"),
    };

    public static string Status(CaseStatus status) => status switch
    {
        CaseStatus.Open => Say("بانتظار موظف", "Waiting for staff"),
        CaseStatus.Claimed => Say("مع موظف", "With staff"),
        CaseStatus.Released => Say("أعيدت إلى الخدمة الآلية", "Back with the automated service"),
        CaseStatus.Closed => Say("مغلقة", "Closed"),
        _ => Say("سحبها المستفيد", "Withdrawn by the beneficiary"),
    };

    public static string Entry(CaseEntryKind kind) => kind switch
    {
        CaseEntryKind.Opened => Say("فُتحت الحالة", "Case opened"),
        CaseEntryKind.Raised => Say("طلب جديد على الحالة", "New request on the case"),
        CaseEntryKind.PersonWrote => Say("كتب المستفيد", "The beneficiary wrote"),
        CaseEntryKind.Claimed => Say("استلمها موظف", "Claimed by staff"),
        CaseEntryKind.StaffReplied => Say("رد الموظف", "Staff replied"),
        CaseEntryKind.Released => Say("أعيدت إلى الخدمة الآلية", "Returned to the automated service"),
        CaseEntryKind.Closed => Say("أُغلقت", "Closed"),
        CaseEntryKind.Reopened => Say("أعيد فتحها", "Reopened"),
        CaseEntryKind.Withdrawn => Say("سحبها المستفيد", "Withdrawn by the beneficiary"),
        CaseEntryKind.Reposted => Say("لم يستلمها أحد: نُبّه المديرون", "No one claimed it: the managers were alerted"),
        _ => Say("لم يُرد عليها بعد", "Not answered yet"),
    };

    /// <summary>The queue's filter from a query string: active (also when empty), closed or all; null for anything else.</summary>
    public static CaseFilter? Filter(string? value) =>
        string.IsNullOrEmpty(value) ? CaseFilter.Active
        : Enum.TryParse<CaseFilter>(value, ignoreCase: true, out var filter) && Enum.IsDefined(filter) && !int.TryParse(value, out _) ? filter : null;
}
