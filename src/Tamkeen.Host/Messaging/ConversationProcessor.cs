using Microsoft.EntityFrameworkCore;
using Tamkeen.Core.Conversations;
using Tamkeen.Host.Beneficiaries;
using Tamkeen.Host.Content;
using Tamkeen.Host.Data;
using Tamkeen.Host.Messaging.Events;
using Tamkeen.Host.Messaging.Timers;

namespace Tamkeen.Host.Messaging;

/// <summary>
/// Runs one stored input through the conversation: loads the conversation and the facts the step needs, calls the pure
/// core, and commits in one change the new state, the replies (outbox), the events with what their recorders write, the
/// person's timers, and the input marked done.
/// </summary>
public sealed class ConversationProcessor(
    IDbContextFactory<TamkeenDb> dbFactory,
    DatabaseWriter writer,
    ConversationCache cache,
    BotContent content,
    ConversationFactsLoader facts,
    EventLog events,
    EventReactions reactions,
    OutboxSignal outboxSignal,
    IdentityFlags identityFlags,
    TimerSignal timerSignal,
    IEnumerable<IChannelSender> senders,
    TimeProvider time,
    ILogger<ConversationProcessor> logger)
{
    private const int Attempts = 3;

    private readonly HashSet<Channel> _channelsOn = senders.Select(s => s.Channel).ToHashSet();

    private static readonly Func<TamkeenDb, long, Task<Conversation?>> LoadConversation = EF.CompileAsyncQuery(
        (TamkeenDb db, long beneficiaryId) => db.Conversations.AsNoTracking().FirstOrDefault(c => c.BeneficiaryId == beneficiaryId));

    public static string TimerSubject(long beneficiaryId) => $"beneficiary/{beneficiaryId}";

    /// <param name="inline">The channel's request waiting to carry the reply, if any (<see cref="InlineReply"/>).</param>
    public async Task ProcessAsync(InboxMessage inbox, InlineReply? inline, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ProcessOnceAsync(inbox, inline, cancellationToken);
                return;
            }
            catch (DbUpdateConcurrencyException) when (attempt < Attempts)
            {
                // Written since it was read or kept (another instance, two records of a person joined): read it again.
                logger.LogInformation("The conversation of beneficiary {BeneficiaryId} changed since it was read; reading it again", inbox.BeneficiaryId);
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

    private async Task ProcessOnceAsync(InboxMessage inbox, InlineReply? inline, CancellationToken cancellationToken)
    {
        var stored = cache.Take(inbox.BeneficiaryId);
        if (stored is null)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            stored = await LoadConversation(db, inbox.BeneficiaryId);
        }
        var conversation = stored ?? new Conversation { BeneficiaryId = inbox.BeneficiaryId };
        var version = conversation.Version;
        var input = inbox.ToInput();
        var known = await facts.LoadAsync(ConversationEngine.Needs(conversation, input), inbox.BeneficiaryId, cancellationToken);
        var outcome = content.Engine.Handle(conversation, input, known);
        conversation.Version = version + 1;

        // One reading of the clock: a STOP confirmation is created at the very moment of the opt-out it confirms, and
        // the dispatcher still sends rows created no later than the opt-out.
        var now = time.GetUtcNow();
        var reacting = false;
        var reachableAgain = inbox.Kind == InputKind.Message && identityFlags.MayBeUnreachable(inbox.Channel, inbox.SenderAddress);
        // Written as statements, not tracked: a change run again after a failed group writes the same rows again.
        var replies = outcome.Replies.Select(r => Reply(inbox, r, now, outcome.StartedByBot)).ToList();
        var carried = inline is not null && replies is [var only] && outboxSignal.MayCarry(only) && inline.TryTake();
        if (carried) replies[0].CarriedInline(now);
        void Store(TamkeenDb db)
        {
            if (stored is null) db.Rows.Insert(conversation);
            // Another writer of this conversation since it was read makes this change fail instead of losing theirs.
            else db.Rows.Replace(conversation, readToken: version);
            foreach (var reply in replies) db.Rows.Insert(reply);
            MarkProcessed(db, inbox, now, error: null);
        }
        // Most steps only add rows; those the writer saves together with their neighbours, in one go.
        if (outcome.Events.Count == 0 && outcome.Timers.Count == 0 && !reachableAgain) await writer.WriteAsync(Store, cancellationToken);
        else
        {
            await writer.WriteAsync(async (db, ct) =>
            {
                Store(db);
                var context = new RecordContext(inbox, now);
                await events.StoreAsync(db, context, outcome.Events, ct);
                reacting = await reactions.ScheduleAsync(db, inbox, outcome.Events, now, ct) | context.TimerScheduled;
                foreach (var timer in outcome.Timers)
                {
                    var subject = TimerSubject(inbox.BeneficiaryId);
                    if (timer.DueAt is { } due) await TimerTable.ScheduleAsync(db, subject, timer.Kind, due, inbox.BeneficiaryId, null, ct);
                    else await TimerTable.CancelAsync(db, subject, timer.Kind, ct);
                }
                if (reachableAgain) await ReachableAgainAsync(db, inbox, ct);
            }, cancellationToken);
        }

        cache.Committed(conversation);
        if (carried) inline!.Deliver(replies[0]);
        foreach (var due in outcome.Timers.Select(t => t.DueAt).OfType<DateTimeOffset>()) timerSignal.Scheduled(due);
        foreach (var request in outcome.Events.OfType<RequestSubmitted>()) timerSignal.Scheduled(request.DueAt);
        if (reacting) timerSignal.Scheduled(now);
        if (reachableAgain) identityFlags.Reachable(inbox.Channel, inbox.SenderAddress);
        await TellFlagsAsync(inbox, outcome.Events, now, cancellationToken);
        outboxSignal.Committed(replies);
    }

    /// <summary>
    /// The dispatcher keeps who sent STOP in memory: after the commit it is told of the identities a STOP or START
    /// changed (every SMS and WhatsApp identity of the number).
    /// </summary>
    private async Task TellFlagsAsync(InboxMessage inbox, IReadOnlyList<ConversationEvent> events, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var changed in events.OfType<SubscriptionChanged>())
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            foreach (var identity in await SubscriptionChangedRecorder.SameNumber(db, inbox).Select(i => new { i.Channel, i.Address }).ToListAsync(cancellationToken))
            {
                if (changed.Subscribed) identityFlags.OptedIn(identity.Channel, identity.Address);
                else identityFlags.OptedOut(identity.Channel, identity.Address, now);
            }
        }
    }

    /// <summary>
    /// A person the channel called unreachable (they had blocked the bot) who writes again can be reached again on
    /// that channel.
    /// </summary>
    private static Task<int> ReachableAgainAsync(TamkeenDb db, InboxMessage inbox, CancellationToken cancellationToken) =>
        db.ChannelIdentities.Where(i => i.Channel == inbox.Channel && i.Address == inbox.SenderAddress && i.UnreachableSince != null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.UnreachableSince, (DateTimeOffset?)null), cancellationToken);

    /// <summary>
    /// A reply on a channel that is off (a message came in on Twilio's SMS webhook while only WhatsApp is set up) cannot
    /// go; it is stored as failed, so staff see it, rather than waiting for a sender that never comes.
    /// </summary>
    private OutboxMessage Reply(InboxMessage inbox, OutboundMessage reply, DateTimeOffset now, bool startedByBot) =>
        OutboxMessage.ReplyTo(inbox, reply, now, startedByBot).FailedWhenOff(_channelsOn);

    private static readonly string[] ProcessingColumns = [nameof(InboxMessage.ProcessedAt), nameof(InboxMessage.ProcessingError)];

    /// <summary>Updates only the processing columns of the stored row, in the same commit as the replies.</summary>
    private static void MarkProcessed(TamkeenDb db, InboxMessage inbox, DateTimeOffset now, string? error) =>
        db.Rows.Update(new InboxMessage
        {
            Id = inbox.Id, ChannelMessageId = inbox.ChannelMessageId, SenderAddress = inbox.SenderAddress, ProcessedAt = now, ProcessingError = error,
        }, ProcessingColumns);

    /// <summary>After repeated failures: tell the person their message is kept, and mark it for staff.</summary>
    private async Task GiveUpAsync(InboxMessage inbox, Exception error, CancellationToken cancellationToken)
    {
        Language language;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            language = (await LoadConversation(db, inbox.BeneficiaryId))?.Language ?? Language.Arabic;
        }
        var now = time.GetUtcNow();
        var apology = Reply(inbox, new OutboundMessage(content.Texts[language, TextKey.ProcessingFailed, inbox.Channel], []), now,
            startedByBot: inbox.Kind != InputKind.Message);
        await writer.WriteAsync(db =>
        {
            db.Rows.Insert(apology);
            MarkProcessed(db, inbox, now, error.GetType().Name);
        }, cancellationToken);
        outboxSignal.Committed([apology]);
    }
}
