using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tamkeen.Core.Beneficiaries;
using Tamkeen.Core.Conversations;
using Tamkeen.Core.Feedback;
using Tamkeen.Host.Content;
using System.Text.Json;
using Tamkeen.Core.Requests;
using Tamkeen.Core.Text;
using Tamkeen.Host.Data;
using Tamkeen.Host.Questions;
using Tamkeen.Host.Requests;

namespace Tamkeen.Host.Messaging;

/// <summary>
/// Runs one stored message through the conversation and commits the new state, the replies (outbox) and the
/// records it creates in one transaction, marking the message done in the same commit.
/// </summary>
public sealed class ConversationProcessor(
    IDbContextFactory<TamkeenDb> dbFactory,
    DatabaseWriter writer,
    BotContent content,
    OutboxSignal outboxSignal,
    IdentityFlags identityFlags,
    IEnumerable<IChannelSender> senders,
    TimeProvider time,
    ILogger<ConversationProcessor> logger)
{
    private const int Attempts = 3;

    private readonly HashSet<Channel> _channelsOn = senders.Select(s => s.Channel).ToHashSet();

    /// <summary>Arabic kept as letters in stored JSON, so staff reading the database can read it.</summary>
    private static readonly JsonSerializerOptions ReadableJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly Func<TamkeenDb, long, Task<Conversation?>> LoadConversation = EF.CompileAsyncQuery(
        (TamkeenDb db, long beneficiaryId) => db.Conversations.AsNoTracking().FirstOrDefault(c => c.BeneficiaryId == beneficiaryId));

    public async Task ProcessAsync(InboxMessage inbox, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ProcessOnceAsync(inbox, cancellationToken);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                logger.LogError(e, "Processing inbox message {InboxId} failed (attempt {Attempt} of {Attempts})", inbox.Id, attempt, Attempts);
                if (attempt == Attempts)
                {
                    await GiveUpAsync(inbox, e, cancellationToken);
                    return;
                }
                await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt), time, cancellationToken);
            }
        }
    }

    private async Task ProcessOnceAsync(InboxMessage inbox, CancellationToken cancellationToken)
    {
        Conversation? stored;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            stored = await LoadConversation(db, inbox.BeneficiaryId);
        }
        var conversation = stored ?? new Conversation { BeneficiaryId = inbox.BeneficiaryId };

        var reference = inbox.Id.ToString(CultureInfo.InvariantCulture);
        var outcome = content.Engine.Handle(conversation, reference, inbox.ToInbound());
        var requestIds = await RequestIdsAsync(outcome.Events, cancellationToken);
        var numberIdentities = outcome.Events.OfType<SubscriptionChanged>().Any() ? await SameNumberIdentitiesAsync(inbox, cancellationToken) : [];

        // One reading of the clock: a STOP confirmation is created at the very moment of the opt-out it confirms, and
        // the dispatcher still sends rows created no later than the opt-out.
        var now = time.GetUtcNow();
        List<OutboxMessage> outboxRows = [];
        await writer.WriteAsync(db =>
        {
            if (stored is null) db.Conversations.Add(conversation);
            else db.Conversations.Update(conversation);
            db.Outbox.AddRange(outboxRows = [.. outcome.Replies.Select(reply => Reply(inbox, reply, now))]);
            foreach (var e in outcome.Events) Record(db, inbox, e, now, requestIds, numberIdentities);
            MarkProcessed(db, inbox, now, error: null);
        }, cancellationToken);
        foreach (var changed in outcome.Events.OfType<SubscriptionChanged>())
        {
            logger.LogInformation("Beneficiary {BeneficiaryId} sent {Keyword} on {Channel}: {Identities} SMS/WhatsApp identities updated",
                inbox.BeneficiaryId, changed.Subscribed ? "START" : "STOP", inbox.Channel, numberIdentities.Count);
            foreach (var identity in numberIdentities)
            {
                if (changed.Subscribed) identityFlags.OptedIn(identity.Channel, identity.Address);
                else identityFlags.OptedOut(identity.Channel, identity.Address, now);
            }
        }
        outboxSignal.Committed(outboxRows);
    }

    /// <summary>
    /// The SMS and WhatsApp identities of the number a STOP or START came from: those with its phone number, or, when
    /// the channel did not vouch for one, those with its address.
    /// </summary>
    private async Task<List<ChannelIdentity>> SameNumberIdentitiesAsync(InboxMessage inbox, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var phone = await db.ChannelIdentities.Where(i => i.Channel == inbox.Channel && i.Address == inbox.SenderAddress)
            .Select(i => i.Phone).FirstOrDefaultAsync(cancellationToken);
        var numberChannels = db.ChannelIdentities.Where(i => i.Channel == Channel.Sms || i.Channel == Channel.WhatsApp);
        var same = phone is null ? numberChannels.Where(i => i.Address == inbox.SenderAddress) : numberChannels.Where(i => i.Phone == phone);
        return await same.Select(i => new ChannelIdentity { Id = i.Id, Channel = i.Channel, Address = i.Address }).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// A reply on a channel that is off (a message came in on Twilio's SMS webhook while only WhatsApp is set up) cannot
    /// go; it is stored as failed, so staff see it, rather than waiting for a sender that never comes.
    /// </summary>
    private OutboxMessage Reply(InboxMessage inbox, OutboundMessage reply, DateTimeOffset now)
    {
        var row = OutboxMessage.ReplyTo(inbox, reply, now);
        if (_channelsOn.Contains(row.Channel)) return row;
        row.Status = DeliveryStatus.Failed;
        row.LastError = $"not sent: {row.Channel} is off (its settings are not set)";
        return row;
    }

    /// <summary>The stored ids of the requests that events add to, read before the write rather than inside it.</summary>
    private async Task<Dictionary<string, long>> RequestIdsAsync(IReadOnlyList<ConversationEvent> events, CancellationToken cancellationToken)
    {
        var references = events.OfType<RequestInformationGiven>().Select(g => g.Reference).ToList();
        if (references.Count == 0) return [];
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ServiceRequests.Where(r => references.Contains(r.Reference)).ToDictionaryAsync(r => r.Reference, r => r.Id, cancellationToken);
    }

    private static void Record(TamkeenDb db, InboxMessage inbox, ConversationEvent e, DateTimeOffset now, Dictionary<string, long> requestIds,
        List<ChannelIdentity> numberIdentities)
    {
        switch (e)
        {
            case SubscriptionChanged changed:
                foreach (var number in numberIdentities)
                {
                    // Only the opt-out column is written; the rest of the row is left as it is.
                    var identity = new ChannelIdentity { Id = number.Id, Address = "" };
                    db.ChannelIdentities.Attach(identity);
                    identity.OptedOutAt = changed.Subscribed ? null : now;
                    db.Entry(identity).Property(i => i.OptedOutAt).IsModified = true;
                }
                break;
            case FeedbackSubmitted f:
                db.Feedback.Add(new FeedbackItem
                {
                    Reference = f.Reference, BeneficiaryId = inbox.BeneficiaryId, Kind = f.Kind, Text = f.Text, CreatedAt = now,
                });
                break;
            case QuestionUnanswered q:
                db.UnansweredQuestions.Add(new UnansweredQuestion
                {
                    BeneficiaryId = inbox.BeneficiaryId, Question = q.Question, NormalizedQuestion = ArabicText.Normalize(q.Question),
                    Language = q.Language, Reason = q.Reason, EntryId = q.EntryId, AskedAt = now,
                });
                break;
            case RequestSubmitted r:
                db.ServiceRequests.Add(new ServiceRequest
                {
                    Reference = r.Reference, BeneficiaryId = inbox.BeneficiaryId, ServiceId = r.ServiceId, Status = RequestStatus.Submitted,
                    NationalId = r.Answers.GetValueOrDefault(RequestField.NationalId), City = r.Answers.GetValueOrDefault(RequestField.City),
                    AnswersJson = JsonSerializer.Serialize(r.Answers.ToDictionary(a => RequestFields.Code(a.Key), a => a.Value), ReadableJson),
                    SubmittedAt = r.SubmittedAt, DueAt = r.DueAt,
                    AttachmentsJson = r.Attachments.Count == 0 ? null : JsonSerializer.Serialize(r.Attachments, ReadableJson),
                    History = [new RequestHistoryEntry { Status = RequestStatus.Submitted, By = "beneficiary", At = now }],
                });
                break;
            case RequestInformationGiven given:
                db.Add(new RequestHistoryEntry
                {
                    ServiceRequestId = requestIds[given.Reference], Note = given.Text.Length == 0 ? null : given.Text, By = "beneficiary", At = now,
                    AttachmentsJson = given.Attachments.Count == 0 ? null : JsonSerializer.Serialize(given.Attachments, ReadableJson),
                });
                break;
            default:
                throw new NotSupportedException($"No handler records {e.GetType().Name}.");
        }
    }

    /// <summary>Updates only the processing columns of the stored row, in the same commit as the replies.</summary>
    private static void MarkProcessed(TamkeenDb db, InboxMessage inbox, DateTimeOffset now, string? error)
    {
        var row = new InboxMessage { Id = inbox.Id, ChannelMessageId = inbox.ChannelMessageId, SenderAddress = inbox.SenderAddress };
        db.Inbox.Attach(row);
        row.ProcessedAt = now;
        row.ProcessingError = error;
    }

    /// <summary>After repeated failures: tell the person their message is kept, and mark it for staff.</summary>
    private async Task GiveUpAsync(InboxMessage inbox, Exception error, CancellationToken cancellationToken)
    {
        Language language;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            language = (await LoadConversation(db, inbox.BeneficiaryId))?.Language ?? Language.Arabic;
        }
        var now = time.GetUtcNow();
        var apology = new OutboundMessage(content.Texts[language, TextKey.ProcessingFailed, inbox.Channel], []);
        OutboxMessage? apologyRow = null;
        await writer.WriteAsync(db =>
        {
            db.Outbox.Add(apologyRow = Reply(inbox, apology, now));
            MarkProcessed(db, inbox, now, error.GetType().Name);
        }, cancellationToken);
        outboxSignal.Committed([apologyRow!]);
    }
}
