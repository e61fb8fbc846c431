using System.Text.Json;
using Microsoft.Extensions.Options;
using Tamkeen.Core.Conversations;
using Tamkeen.Core.Handoff;
using Tamkeen.Core.Surveys;
using Tamkeen.Host.Data;
using Tamkeen.Host.Handoff;
using Tamkeen.Host.Messaging.Timers;

namespace Tamkeen.Host.Surveys;

/// <summary>What a poll timer carries: what is rated and its outcome.</summary>
public sealed record PollTopic(PollSubject Subject, string Reference, string? Outcome);

/// <summary>
/// Sets the poll timer of the person after an event a poll rates (a request decided, a case closed or released), in
/// the same change as the event: Surveys:Delay later, moved into working hours, so a poll never lands in a live
/// exchange. One poll timer per person: a later event replaces an earlier one not yet sent.
/// </summary>
public sealed class PollTrigger(IOptions<SurveyOptions> surveys, IOptions<HandoffOptions> handoff)
{
    private readonly WorkingCalendar _calendar = handoff.Value.Calendar();

    public static string Subject(long beneficiaryId) => $"poll/{beneficiaryId}";

    /// <returns>When the poll is due, for <see cref="TimerSignal.Scheduled"/> after the commit.</returns>
    public async Task<DateTimeOffset> ScheduleAsync(TamkeenDb db, long beneficiaryId, PollTopic topic, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var due = _calendar.NextOpening(now + surveys.Value.Delay);
        await TimerTable.ScheduleAsync(db, Subject(beneficiaryId), TimerKind.PollDue, due, beneficiaryId, JsonSerializer.Serialize(topic), cancellationToken);
        return due;
    }
}
