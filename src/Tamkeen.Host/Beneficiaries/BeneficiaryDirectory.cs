using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Tamkeen.Core.Beneficiaries;
using Tamkeen.Core.Conversations;
using Tamkeen.Host.Data;
using Tamkeen.Host.Handoff;
using Tamkeen.Host.Messaging;

namespace Tamkeen.Host.Beneficiaries;

/// <summary>
/// Finds the beneficiary a message comes from. A phone number the channel vouches for (Twilio's From, a Telegram
/// contact the person shared of themselves) makes one person of all the channels that carry it: WhatsApp and SMS from one
/// number are one beneficiary, and a Telegram chat that shares that number joins them, bringing its requests and history.
/// </summary>
public sealed class BeneficiaryDirectory(IDbContextFactory<TamkeenDb> dbFactory, DatabaseWriter writer, ConversationCache conversations, TimeProvider time, ILogger<BeneficiaryDirectory> logger)
{
    private readonly ConcurrentDictionary<(Channel, string), Known> _known = new();

    public async Task<long> ResolveAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        var key = (message.Channel, message.SenderAddress);
        var phone = message.SenderPhone;
        if (_known.TryGetValue(key, out var known) && (phone is null || phone == known.Phone)) return known.BeneficiaryId;

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var id = await ResolveUncachedAsync(message.Channel, message.SenderAddress, phone, message.ReceivedAt, cancellationToken);
                _known[key] = id;
                return id.BeneficiaryId;
            }
            catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e) && attempt == 1)
            {
                // Two first messages from one new sender at once: the other one created the record; read it.
            }
        }
    }

    private async Task<Known> ResolveUncachedAsync(Channel channel, string address, string? phone, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ChannelIdentity? identity;
        long? phoneOwner = null;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            identity = await db.ChannelIdentities.AsNoTracking().FirstOrDefaultAsync(i => i.Channel == channel && i.Address == address, cancellationToken);
            if (phone is not null && identity?.Phone != phone)
                phoneOwner = await db.ChannelIdentities.Where(i => i.Phone == phone).OrderBy(i => i.Id)
                    .Select(i => (long?)i.BeneficiaryId).FirstOrDefaultAsync(cancellationToken);
        }

        if (identity is not null)
        {
            if (phone is null || identity.Phone == phone) return new Known(identity.BeneficiaryId, identity.Phone);
            if (phoneOwner is { } owner && owner != identity.BeneficiaryId)
            {
                await MergeAsync(identity, into: owner, phone, cancellationToken);
                return new Known(owner, phone);
            }
            await writer.WriteAsync(db => SetPhone(db, identity, phone), CancellationToken.None);
            return new Known(identity.BeneficiaryId, phone);
        }

        if (phoneOwner is { } existing)
        {
            await writer.WriteAsync(db => db.ChannelIdentities.Add(
                new ChannelIdentity { BeneficiaryId = existing, Channel = channel, Address = address, Phone = phone }), CancellationToken.None);
            return new Known(existing, phone);
        }

        Beneficiary? created = null;
        await writer.WriteAsync(db => db.Beneficiaries.Add(created = new Beneficiary
        {
            CreatedAt = now,
            Identities = [new ChannelIdentity { Channel = channel, Address = address, Phone = phone }],
        }), CancellationToken.None);
        return new Known(created!.Id, phone);
    }

    /// <summary>
    /// Moves everything of the identity's beneficiary to the one that already has the phone number. The conversation in
    /// use is the one the person is writing in now, so it replaces the other's; the emptied record stays, without identities.
    /// </summary>
    private async Task MergeAsync(ChannelIdentity identity, long into, string phone, CancellationToken cancellationToken)
    {
        var from = identity.BeneficiaryId;
        await writer.WriteAsync(async (db, ct) =>
        {
            await db.ChannelIdentities.Where(i => i.BeneficiaryId == from).ExecuteUpdateAsync(s => s.SetProperty(i => i.BeneficiaryId, into), ct);
            await db.ChannelIdentities.Where(i => i.Id == identity.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.Phone, phone), ct);
            await db.Inbox.Where(m => m.BeneficiaryId == from).ExecuteUpdateAsync(s => s.SetProperty(m => m.BeneficiaryId, into), ct);
            await db.Outbox.Where(m => m.BeneficiaryId == from).ExecuteUpdateAsync(s => s.SetProperty(m => m.BeneficiaryId, into), ct);
            await db.ServiceRequests.Where(r => r.BeneficiaryId == from).ExecuteUpdateAsync(s => s.SetProperty(r => r.BeneficiaryId, into), ct);
            await db.Feedback.Where(f => f.BeneficiaryId == from).ExecuteUpdateAsync(s => s.SetProperty(f => f.BeneficiaryId, into), ct);
            await db.UnansweredQuestions.Where(q => q.BeneficiaryId == from).ExecuteUpdateAsync(s => s.SetProperty(q => q.BeneficiaryId, into), ct);
            await db.Events.Where(e => e.BeneficiaryId == from).ExecuteUpdateAsync(s => s.SetProperty(e => e.BeneficiaryId, into), ct);
            if (await db.Conversations.AnyAsync(c => c.BeneficiaryId == from, ct))
            {
                // The conversation and its timers (idle, reminders) go with it; the other's are dropped.
                var intoSubject = ConversationProcessor.TimerSubject(into);
                var dropped = await db.Conversations.AsNoTracking().FirstOrDefaultAsync(c => c.BeneficiaryId == into, ct);
                await db.Conversations.Where(c => c.BeneficiaryId == into).ExecuteDeleteAsync(ct);
                await db.Timers.Where(t => t.Subject == intoSubject).ExecuteDeleteAsync(ct);
                // A version above both, so that a copy of either conversation kept in memory (ConversationCache, on any
                // instance) can no longer be written back.
                var version = (dropped?.Version ?? 0) + 1;
                await db.Conversations.Where(c => c.BeneficiaryId == from)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.BeneficiaryId, into).SetProperty(c => c.Version, c => c.Version + version), ct);
                await db.Timers.Where(t => t.Subject == ConversationProcessor.TimerSubject(from))
                    .ExecuteUpdateAsync(s => s.SetProperty(t => t.Subject, intoSubject).SetProperty(t => t.BeneficiaryId, into), ct);
                await CaseMerge.KeepOneOpenCaseAsync(db, dropped?.Handoff, into, time.GetUtcNow(), ct);
            }
            await db.Cases.Where(c => c.BeneficiaryId == from).ExecuteUpdateAsync(s => s.SetProperty(c => c.BeneficiaryId, into), ct);
            await db.Timers.Where(t => t.BeneficiaryId == from).ExecuteUpdateAsync(s => s.SetProperty(t => t.BeneficiaryId, into), ct);
        }, CancellationToken.None);
        conversations.Forget(from);
        conversations.Forget(into);
        foreach (var (key, known) in _known)
        {
            if (known.BeneficiaryId == from) _known.TryRemove(key, out _);
        }
        logger.LogInformation("Beneficiary {From} shared the phone number of beneficiary {Into} on {Channel}; their records are now one", from, into, identity.Channel);
    }

    private static void SetPhone(TamkeenDb db, ChannelIdentity identity, string phone)
    {
        var row = new ChannelIdentity { Id = identity.Id, Address = identity.Address };
        db.ChannelIdentities.Attach(row);
        row.Phone = phone;
    }

    private sealed record Known(long BeneficiaryId, string? Phone);
}
