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
    DatabaseWriteLock writeLock,
    ConversationLanes lanes)
{
    private const int UniqueConstraintFailed = 19;

    private readonly ConcurrentDictionary<(Channel, string), long> _beneficiaryByAddress = new();

    public async Task<IntakeResult> AcceptAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        if (ArabicText.Clean(message.Text).Length == 0 && string.IsNullOrWhiteSpace(message.ButtonPayload) && message.Attachments.Count == 0)
            return IntakeResult.Ignored;

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        InboxMessage row;
        using (await writeLock.EnterAsync(cancellationToken))
        {
            var beneficiaryId = await FindOrCreateBeneficiaryAsync(db, message, cancellationToken);
            row = InboxMessage.From(message, beneficiaryId);
            db.Inbox.Add(row);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException e) when (e.InnerException is SqliteException { SqliteErrorCode: UniqueConstraintFailed })
            {
                // The unique index on (channel, channel message id) says the channel delivered this one before.
                return new IntakeResult(IntakeStatus.Duplicate, null, Task.CompletedTask);
            }
        }
        _beneficiaryByAddress.TryAdd((message.Channel, message.SenderAddress), row.BeneficiaryId);
        var processed = await lanes.EnqueueAsync(row.Id, row.BeneficiaryId, cancellationToken);
        return new IntakeResult(IntakeStatus.Accepted, row.Id, processed);
    }

    private async Task<long> FindOrCreateBeneficiaryAsync(TamkeenDb db, InboundMessage message, CancellationToken cancellationToken)
    {
        var key = (message.Channel, message.SenderAddress);
        if (_beneficiaryByAddress.TryGetValue(key, out var known)) return known;

        var existing = await db.ChannelIdentities
            .Where(i => i.Channel == message.Channel && i.Address == message.SenderAddress)
            .Select(i => (long?)i.BeneficiaryId)
            .FirstOrDefaultAsync(cancellationToken);
        if (existing is { } id) return id;

        var beneficiary = new Beneficiary
        {
            CreatedAt = message.ReceivedAt,
            Identities = [new ChannelIdentity { Channel = message.Channel, Address = message.SenderAddress }],
        };
        db.Beneficiaries.Add(beneficiary);
        await db.SaveChangesAsync(cancellationToken);
        return beneficiary.Id;
    }
}
