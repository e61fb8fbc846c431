using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Tamkeen.Core.Beneficiaries;
using Tamkeen.Core.Conversations;
using Tamkeen.Core.Text;
using Tamkeen.Host.Data;

namespace Tamkeen.Host.Messaging;

/// <summary>The inbox: every channel hands its messages here and acknowledges only after this returns.</summary>
public sealed class MessageIntake(
    IDbContextFactory<TamkeenDb> dbFactory,
    DatabaseWriter writer,
    ConversationLanes lanes)
{
    private const int UniqueConstraintFailed = 19;

    private readonly ConcurrentDictionary<(Channel, string), long> _beneficiaryByAddress = new();

    public async Task<IntakeResult> AcceptAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        if (ArabicText.Clean(message.Text).Length == 0 && string.IsNullOrWhiteSpace(message.ButtonPayload) && message.Attachments.Count == 0)
            return IntakeResult.Ignored;

        var beneficiaryId = await FindOrCreateBeneficiaryAsync(message, cancellationToken);
        InboxMessage? row = null;
        try
        {
            // Not cancelled once queued: a stored message must reach its lane.
            await writer.WriteAsync(db => db.Inbox.Add(row = InboxMessage.From(message, beneficiaryId)), CancellationToken.None);
        }
        catch (DbUpdateException e) when (IsUniqueViolation(e))
        {
            // The unique index on (channel, channel message id) says the channel delivered this one before.
            return new IntakeResult(IntakeStatus.Duplicate, null, Task.CompletedTask);
        }
        var processed = lanes.Enqueue(row!);
        return new IntakeResult(IntakeStatus.Accepted, row!.Id, processed);
    }

    private async Task<long> FindOrCreateBeneficiaryAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        var key = (message.Channel, message.SenderAddress);
        if (_beneficiaryByAddress.TryGetValue(key, out var known)) return known;

        for (var attempt = 1; ; attempt++)
        {
            await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
            {
                var existing = await db.ChannelIdentities
                    .Where(i => i.Channel == message.Channel && i.Address == message.SenderAddress)
                    .Select(i => (long?)i.BeneficiaryId)
                    .FirstOrDefaultAsync(cancellationToken);
                if (existing is { } id) return _beneficiaryByAddress.GetOrAdd(key, id);
            }

            Beneficiary? created = null;
            try
            {
                await writer.WriteAsync(db => db.Beneficiaries.Add(created = new Beneficiary
                {
                    CreatedAt = message.ReceivedAt,
                    Identities = [new ChannelIdentity { Channel = message.Channel, Address = message.SenderAddress }],
                }), CancellationToken.None);
                return _beneficiaryByAddress.GetOrAdd(key, created!.Id);
            }
            catch (DbUpdateException e) when (IsUniqueViolation(e) && attempt == 1)
            {
                // Two first messages from one new sender at once: the other one created the beneficiary; read it.
            }
        }
    }

    private static bool IsUniqueViolation(DbUpdateException e) =>
        e.InnerException is SqliteException { SqliteErrorCode: UniqueConstraintFailed };
}
