using Microsoft.EntityFrameworkCore;
using Tamkeen.Host.Beneficiaries;
using Tamkeen.Core.Conversations;
using Tamkeen.Core.Text;
using Tamkeen.Host.Data;

namespace Tamkeen.Host.Messaging;

/// <summary>The inbox: every channel hands its messages here and acknowledges only after this returns.</summary>
public sealed class MessageIntake(
    BeneficiaryDirectory beneficiaries,
    DatabaseWriter writer,
    IDbContextFactory<TamkeenDb> dbFactory,
    ConversationLanes lanes)
{
    /// <param name="inline">The channel's request, waiting to carry the reply (<see cref="InlineReply"/>).</param>
    public async Task<IntakeResult> AcceptAsync(InboundMessage message, CancellationToken cancellationToken, InlineReply? inline = null)
    {
        // A person's message with U+0000 in it is kept without it: no one means it, and PostgreSQL refuses it in text.
        message = message with { Text = WithoutNul(message.Text), ButtonPayload = WithoutNul(message.ButtonPayload) };
        if (ArabicText.Clean(message.Text).Length == 0 && string.IsNullOrWhiteSpace(message.ButtonPayload) && message.Attachments.Count == 0)
            return IntakeResult.Ignored;

        var mayWait = CanBeAskedToSendAgain(message.Channel);
        // Checked before the sender is looked up, so that a flood of new senders creates no one while the lanes are full.
        if (mayWait && !lanes.HasRoomFor(null)) return IntakeResult.Busy;
        var beneficiaryId = await beneficiaries.ResolveAsync(message, cancellationToken);
        if (mayWait && !lanes.HasRoomFor(beneficiaryId)) return IntakeResult.Busy;
        InboxMessage? row = null;
        Task processed = Task.CompletedTask;
        try
        {
            // Not cancelled once queued: a stored message must reach its lane. It joins it in commit order, so one
            // person's messages are processed in the order they were stored.
            await writer.WriteAsync(db => db.Rows.Insert(row = InboxMessage.From(message, beneficiaryId)),
                committed: () => processed = lanes.Enqueue(row!, inline), CancellationToken.None);
        }
        catch (Exception e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            // The unique index on (channel, channel message id) says the channel delivered this one before.
            return new IntakeResult(IntakeStatus.Duplicate, null, Task.CompletedTask);
        }
        return new IntakeResult(IntakeStatus.Accepted, row!.Id, processed);
    }

    /// <summary>The reply carried in the answer to this message's first delivery (<see cref="InlineReply"/>), if one was.</summary>
    public async Task<OutboxMessage?> CarriedBeforeAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var inboxId = await db.Inbox.Where(m => m.Channel == message.Channel && m.ChannelMessageId == message.ChannelMessageId)
            .Select(m => (long?)m.Id).FirstOrDefaultAsync(cancellationToken);
        return inboxId is null ? null : await db.Outbox.AsNoTracking()
            .FirstOrDefaultAsync(m => m.Channel == message.Channel && m.Address == message.SenderAddress // the index
                                      && m.InboxMessageId == inboxId && m.Route == InlineReply.Route, cancellationToken);
    }

    /// <summary>
    /// Telegram delivers a refused update again, and the website chat's page sends a refused message again. Twilio does
    /// not retry a refused webhook by default, so its messages are always stored; they are signed by Twilio and come at
    /// Twilio's rates, so they cannot flood the lanes.
    /// </summary>
    private static bool CanBeAskedToSendAgain(Channel channel) => channel is Channel.Telegram or Channel.WebChat;

    private static string? WithoutNul(string? text) => text?.Replace("\0", "", StringComparison.Ordinal);
}
