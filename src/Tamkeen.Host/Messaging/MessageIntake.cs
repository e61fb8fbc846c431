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
    ConversationLanes lanes)
{
    public async Task<IntakeResult> AcceptAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        // A person's message with U+0000 in it is kept without it: no one means it, and PostgreSQL refuses it in text.
        message = message with { Text = WithoutNul(message.Text), ButtonPayload = WithoutNul(message.ButtonPayload) };
        if (ArabicText.Clean(message.Text).Length == 0 && string.IsNullOrWhiteSpace(message.ButtonPayload) && message.Attachments.Count == 0)
            return IntakeResult.Ignored;

        var beneficiaryId = await beneficiaries.ResolveAsync(message, cancellationToken);
        InboxMessage? row = null;
        try
        {
            // Not cancelled once queued: a stored message must reach its lane.
            await writer.WriteAsync(db => db.Inbox.Add(row = InboxMessage.From(message, beneficiaryId)), CancellationToken.None);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            // The unique index on (channel, channel message id) says the channel delivered this one before.
            return new IntakeResult(IntakeStatus.Duplicate, null, Task.CompletedTask);
        }
        var processed = lanes.Enqueue(row!);
        return new IntakeResult(IntakeStatus.Accepted, row!.Id, processed);
    }

    private static string? WithoutNul(string? text) => text?.Replace("\0", "", StringComparison.Ordinal);
}
