using Tamkeen.Core.Handoff;
using Tamkeen.Host.Handoff;

namespace Tamkeen.Host.Staff.Pages.Cases;

/// <summary>The console's Arabic words for cases.</summary>
public static class CaseText
{
    public static string Reason(CaseReason reason) => reason switch
    {
        CaseReason.AskedForPerson => "طلب التحدث إلى موظف",
        CaseReason.GuideFailedTwice => "لم يجد جواباً في الدليل مرتين",
        CaseReason.Complaint => "شكوى",
        CaseReason.FieldTries => "تعثّر في تعبئة طلب",
        _ => "كلمات تدل على حالة طارئة",
    };

    public static string Status(CaseStatus status) => status switch
    {
        CaseStatus.Open => "بانتظار موظف",
        CaseStatus.Claimed => "مع موظف",
        CaseStatus.Released => "أعيدت إلى الخدمة الآلية",
        CaseStatus.Closed => "مغلقة",
        _ => "سحبها المستفيد",
    };

    public static string Entry(CaseEntryKind kind) => kind switch
    {
        CaseEntryKind.Opened => "فُتحت الحالة",
        CaseEntryKind.Raised => "طلب جديد على الحالة",
        CaseEntryKind.PersonWrote => "كتب المستفيد",
        CaseEntryKind.Claimed => "استلمها موظف",
        CaseEntryKind.StaffReplied => "رد الموظف",
        CaseEntryKind.Released => "أعيدت إلى الخدمة الآلية",
        CaseEntryKind.Closed => "أُغلقت",
        CaseEntryKind.Reopened => "أعيد فتحها",
        CaseEntryKind.Withdrawn => "سحبها المستفيد",
        CaseEntryKind.Reposted => "لم يستلمها أحد: نُبّه المديرون",
        _ => "لم يُرد عليها بعد",
    };

    /// <summary>The queue's filter from a query string: active (also when empty), closed or all; null for anything else.</summary>
    public static CaseFilter? Filter(string? value) =>
        string.IsNullOrEmpty(value) ? CaseFilter.Active
        : Enum.TryParse<CaseFilter>(value, ignoreCase: true, out var filter) && Enum.IsDefined(filter) && !int.TryParse(value, out _) ? filter : null;
}
