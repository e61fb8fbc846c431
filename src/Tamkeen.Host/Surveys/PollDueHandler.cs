using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tamkeen.Core.Conversations;
using Tamkeen.Core.Requests;
using Tamkeen.Core.Surveys;
using Tamkeen.Host.Channels.Twilio;
using Tamkeen.Host.Data;
using Tamkeen.Host.Messaging;
using Tamkeen.Host.Messaging.Timers;
using Tamkeen.Host.Settings;

namespace Tamkeen.Host.Surveys;

/// <summary>
/// A poll's delay has passed: it becomes an input in the person's lane (the conversation decides whether it may be
/// asked), carrying the staff member who handled what is rated now, at the time it is sent, and whether it can reach the
/// person at all: not after STOP; after WhatsApp's 24-hour window it goes as the template or by SMS, as notices do, or is
/// recorded as not sent.
/// </summary>
public sealed class PollDueHandler(
    IDbContextFactory<TamkeenDb> dbFactory, DatabaseWriter writer, ConversationLanes lanes, IdentityFlags flags, IOptions<TwilioOptions> twilio, TimeProvider time) : ITimerHandler
{
    public IReadOnlyCollection<TimerKind> Kinds { get; } = [TimerKind.PollDue];

    public async Task FireAsync(DueTimer timer, CancellationToken cancellationToken)
    {
        var topic = JsonSerializer.Deserialize<PollTopic>(timer.Payload!)!;
        InboxMessage? last;
        string? handledBy;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            last = timer.BeneficiaryId is { } person ? await InboxMessage.LastFromPersonAsync(db.Inbox, person, cancellationToken) : null;
            handledBy = topic.Subject switch
            {
                PollSubject.Case => await db.Cases.Where(c => c.Reference == topic.Reference).Select(c => c.ClaimedBy).FirstOrDefaultAsync(cancellationToken),
                // Who decided it: the last to set it Completed or Rejected, not whoever wrote a note since.
                PollSubject.Request => await db.ServiceRequests.Where(r => r.Reference == topic.Reference)
                    .SelectMany(r => r.History).Where(h => h.Status == RequestStatus.Completed || h.Status == RequestStatus.Rejected)
                    .OrderByDescending(h => h.Id).Select(h => h.By).FirstOrDefaultAsync(cancellationToken),
                _ => null,
            };
        }
        var poll = new PollDuePayload(topic.Subject, topic.Reference, handledBy, topic.Outcome, last is null ? null : CannotReach(last));
        await TimerInputs.StoreAsync(writer, lanes, timer, last is null ? null : () => InboxMessage.ForPoll(last, timer.Id, poll, timer.DueAt), cancellationToken);
    }

    private PollNotSentReason? CannotReach(InboxMessage last) =>
        flags.Refuses(last.Channel, last.SenderAddress) ? PollNotSentReason.Stopped
        : last.Channel == Channel.WhatsApp && !twilio.Value.ReachesAfterWhatsAppWindow
          && !WhatsAppWindow.IsOpen(last.ReceivedAt, time.GetUtcNow(), twilio.Value.WhatsAppWindow)
            ? PollNotSentReason.OutsideWhatsAppWindow
            : null;
}
