using Microsoft.Extensions.Options;
using Tamkeen.Core.Conversations;
using Tamkeen.Core.Handoff;
using Tamkeen.Host.Data;
using Tamkeen.Host.Messaging.Timers;

namespace Tamkeen.Host.Handoff;

/// <summary>
/// The two waits of a case, in working time: unclaimed after Handoff:UnclaimedAfter (posted again, mentioning managers)
/// and without a staff reply after Handoff:UnansweredAfter (raised again).
/// </summary>
public sealed class CaseTimers(IOptions<HandoffOptions> options)
{
    private readonly WorkingCalendar _calendar = options.Value.Calendar();

    public static string Subject(string reference) => $"case/{reference}";

    public async Task StartAsync(TamkeenDb db, StaffCase staffCase, CancellationToken cancellationToken)
    {
        var subject = Subject(staffCase.Reference);
        await TimerTable.ScheduleAsync(db, subject, TimerKind.CaseUnclaimed,
            _calendar.AddWorkingTime(staffCase.OpenedAt, options.Value.UnclaimedAfter), null, null, cancellationToken);
        await TimerTable.ScheduleAsync(db, subject, TimerKind.CaseUnanswered,
            _calendar.AddWorkingTime(staffCase.OpenedAt, options.Value.UnansweredAfter), null, null, cancellationToken);
    }

    public Task ClaimedAsync(TamkeenDb db, string reference, CancellationToken cancellationToken) =>
        TimerTable.CancelAsync(db, Subject(reference), TimerKind.CaseUnclaimed, cancellationToken);

    public async Task StopAsync(TamkeenDb db, string reference, CancellationToken cancellationToken)
    {
        await TimerTable.CancelAsync(db, Subject(reference), TimerKind.CaseUnclaimed, cancellationToken);
        await TimerTable.CancelAsync(db, Subject(reference), TimerKind.CaseUnanswered, cancellationToken);
    }
}
