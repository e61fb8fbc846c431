namespace Tamkeen.Core.Handoff;

/// <param name="Calendar">Working days and hours: what people are told about the wait.</param>
/// <param name="ReplyWithin">The working time within which staff aim to reply, as people are told.</param>
/// <param name="ComplaintsOpenCase">A submitted complaint opens a case for staff.</param>
/// <param name="StaffTitle">Signs staff replies instead of the staff member's name, when set (e.g. «فريق خدمة المستفيدين»).</param>
public sealed record HandoffSettings(WorkingCalendar Calendar, TimeSpan ReplyWithin, bool ComplaintsOpenCase = true, string? StaffTitle = null)
{
    public static HandoffSettings Default { get; } = new(WorkingCalendar.Default, TimeSpan.FromHours(1));
}
