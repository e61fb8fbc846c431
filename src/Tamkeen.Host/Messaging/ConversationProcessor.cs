using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tamkeen.Core.Conversations;
using Tamkeen.Core.Feedback;
using Tamkeen.Host.Content;
using Tamkeen.Host.Data;

namespace Tamkeen.Host.Messaging;

/// <summary>
/// Runs one stored message through the conversation and commits the new state, the replies (outbox) and the
/// records it creates in one transaction, marking the message done in the same commit.
/// </summary>
public sealed class ConversationProcessor(
    IDbContextFactory<TamkeenDb> dbFactory,
    DatabaseWriteLock writeLock,
    BotContent content,
    OutboxSignal outboxSignal,
    TimeProvider time,
    ILogger<ConversationProcessor> logger)
{
    private const int Attempts = 3;

    public async Task ProcessAsync(long inboxId, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ProcessOnceAsync(inboxId, cancellationToken);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                logger.LogError(e, "Processing inbox message {InboxId} failed (attempt {Attempt} of {Attempts})", inboxId, attempt, Attempts);
                if (attempt == Attempts)
                {
                    await GiveUpAsync(inboxId, e, cancellationToken);
                    return;
                }
                await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt), time, cancellationToken);
            }
        }
    }

    private async Task ProcessOnceAsync(long inboxId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var inbox = await db.Inbox.FindAsync([inboxId], cancellationToken);
        if (inbox is null || inbox.ProcessedAt is not null) return;

        var conversation = await db.Conversations.FindAsync([inbox.BeneficiaryId], cancellationToken);
        if (conversation is null)
        {
            conversation = new Conversation { BeneficiaryId = inbox.BeneficiaryId };
            db.Conversations.Add(conversation);
        }

        var reference = inbox.Id.ToString(CultureInfo.InvariantCulture);
        var outcome = content.Engine.Handle(conversation, reference, inbox.ToInbound());

        var now = time.GetUtcNow();
        foreach (var reply in outcome.Replies) db.Outbox.Add(OutboxMessage.ReplyTo(inbox, reply, now));
        foreach (var e in outcome.Events) Record(db, inbox, e, now);
        inbox.ProcessedAt = now;

        using (await writeLock.EnterAsync(cancellationToken))
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        outboxSignal.Notify();
    }

    private static void Record(TamkeenDb db, InboxMessage inbox, ConversationEvent e, DateTimeOffset now)
    {
        switch (e)
        {
            case FeedbackSubmitted f:
                db.Feedback.Add(new FeedbackItem
                {
                    Reference = f.Reference, BeneficiaryId = inbox.BeneficiaryId, Kind = f.Kind, Text = f.Text, CreatedAt = now,
                });
                break;
            default:
                throw new NotSupportedException($"No handler records {e.GetType().Name}.");
        }
    }

    /// <summary>After repeated failures: tell the person their message is kept, and mark it for staff.</summary>
    private async Task GiveUpAsync(long inboxId, Exception error, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var inbox = await db.Inbox.FindAsync([inboxId], cancellationToken);
        if (inbox is null || inbox.ProcessedAt is not null) return;
        var language = await db.Conversations.Where(c => c.BeneficiaryId == inbox.BeneficiaryId)
            .Select(c => (Language?)c.Language).FirstOrDefaultAsync(cancellationToken) ?? Language.Arabic;

        var now = time.GetUtcNow();
        var apology = new OutboundMessage(content.Texts[language, TextKey.ProcessingFailed], []);
        db.Outbox.Add(OutboxMessage.ReplyTo(inbox, apology, now));
        inbox.ProcessedAt = now;
        inbox.ProcessingError = error.GetType().Name;
        using (await writeLock.EnterAsync(cancellationToken))
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        outboxSignal.Notify();
    }
}
