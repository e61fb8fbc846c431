using System.Threading.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Tamkeen.Core.Beneficiaries;
using Tamkeen.Core.Conversations;
using Tamkeen.Host.Data;
using Tamkeen.Host.Settings;

namespace Tamkeen.Host.Messaging;

/// <summary>What became of one attempt at a row, for its dispatcher.</summary>
internal enum RowOutcome
{
    /// <summary>Sent, or failed for good; stored.</summary>
    Done,

    /// <summary>Stored for another attempt at <see cref="OutboxMessage.NextAttemptAt"/>.</summary>
    RetryStored,

    /// <summary>Not tried; the row is as it was and is tried again later.</summary>
    NotTried,
}

/// <summary>
/// One attempt at one outbox row: nothing is sent to a person who sent STOP or cannot be reached; otherwise it goes
/// through the channel's sender under its rate limits and timeout. The outcome is stored on the row before this returns.
/// </summary>
internal sealed class OutboxRowSender(
    IChannelSender sender,
    IDbContextFactory<TamkeenDb> dbFactory,
    DatabaseWriter writer,
    IdentityFlags flags,
    DispatchOptions options,
    TimeProvider time,
    ILogger logger) : IAsyncDisposable
{
    /// <summary>
    /// The columns delivery writes. Only these: a row can wait in memory a while, and joining two beneficiaries moves
    /// their rows to one of them meanwhile.
    /// </summary>
    private static readonly string[] DeliveryColumns =
    [
        nameof(OutboxMessage.Status), nameof(OutboxMessage.Attempts), nameof(OutboxMessage.NextAttemptAt), nameof(OutboxMessage.SentAt),
        nameof(OutboxMessage.LastError), nameof(OutboxMessage.ProviderMessageId), nameof(OutboxMessage.ProviderStatus),
        nameof(OutboxMessage.Route), nameof(OutboxMessage.Segments), nameof(OutboxMessage.SendingSince), nameof(OutboxMessage.InterruptedSends),
    ];

    /// <summary>A crash may cut off an attempt and then its repeat; a third copy is not sent.</summary>
    private const int MaxInterruptedSends = 2;

    private readonly Channel _channel = sender.Channel;
    private readonly PartitionedRateLimiter<string> _rateLimiter = DispatchRateLimiter.Create(options.RateLimit(sender.Channel));
    private readonly RateLimiter _staffGroupLimiter = DispatchRateLimiter.ForStaffGroup(options.StaffGroup);

    /// <summary>Takes a place in the rate limits for a reply that goes another way, if one is free now.</summary>
    public bool TryAcquire(string address)
    {
        using var lease = _rateLimiter.AttemptAcquire(address);
        return lease.IsAcquired;
    }

    public async Task<RowOutcome> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        if (flags.ReasonNotToSend(message) is { } reason)
        {
            message.Status = DeliveryStatus.Failed;
            message.LastError = reason;
            await SaveAsync(message);
            return RowOutcome.Done;
        }

        if (message.SendingSince is not null && await SettleInterruptedAsync(message, cancellationToken) is { } settled) return settled;

        using (var lease = await _rateLimiter.AcquireAsync(message.Address, 1, cancellationToken))
        {
            if (!lease.IsAcquired) return RowOutcome.NotTried;
        }
        if (message.Recipient == OutboxRecipient.StaffGroup)
        {
            using var lease = await _staffGroupLimiter.AcquireAsync(1, cancellationToken);
            if (!lease.IsAcquired) return RowOutcome.NotTried;
        }

        message.Attempts++;
        if (!sender.DropsRepeats)
        {
            message.SendingSince = time.GetUtcNow();
            await SaveAsync(message);
        }
        var outcome = await SendWithTimeoutAsync(message, cancellationToken);
        message.SendingSince = null;
        return await RecordAsync(message, outcome, cancellationToken);
    }

    /// <summary>
    /// A row whose last attempt a crash cut off: the channel is asked whether it has the message before it is sent again.
    /// </summary>
    /// <returns>Null when the row is to be sent now.</returns>
    private async Task<RowOutcome?> SettleInterruptedAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        InterruptedSend found;
        try
        {
            found = await sender.FindInterruptedAsync(message, await RecordedSinceAsync(message.SendingSince!.Value, cancellationToken), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            found = new InterruptedSend.NotKnownYet($"{e.GetType().Name}: {e.Message}");
        }
        switch (found)
        {
            case InterruptedSend.Arrived arrived:
                logger.LogInformation("Outbox message {OutboxId} on {Channel} was sent before the last stop; not sent again", message.Id, _channel);
                message.SendingSince = null;
                return await RecordAsync(message, arrived.Sent, cancellationToken);
            case InterruptedSend.NotKnownYet notYet:
                message.Attempts++; // so that asking backs off, and ends with the row failed for staff to see
                return await RecordAsync(message, new SendOutcome.Transient($"whether it was sent before the last stop is not known yet: {notYet.Error}"),
                    cancellationToken);
            case InterruptedSend.Unknown when message.InterruptedSends + 1 >= MaxInterruptedSends:
                message.SendingSince = null;
                message.InterruptedSends++;
                message.Status = DeliveryStatus.Failed;
                message.LastError = "cut off by a restart twice while being sent; it may have arrived twice, so it is not sent a third time";
                logger.LogWarning("Outbox message {OutboxId} on {Channel} was cut off by a restart twice while being sent; not sent a third time", message.Id, _channel);
                await SaveAsync(message);
                return RowOutcome.Done;
            case InterruptedSend.Unknown:
                message.InterruptedSends++;
                break;
        }
        message.SendingSince = null;
        return null;
    }

    /// <summary>
    /// The provider ids recorded on rows sent from a minute before <paramref name="since"/>, on every channel: a WhatsApp
    /// reply can have gone by SMS.
    /// </summary>
    private async Task<IReadOnlySet<string>> RecordedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var from = since - TimeSpan.FromMinutes(1);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return (await db.Outbox.Where(m => m.SentAt >= from && m.ProviderMessageId != null)
            .Select(m => m.ProviderMessageId!).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
    }

    private async Task<RowOutcome> RecordAsync(OutboxMessage message, SendOutcome outcome, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        switch (outcome)
        {
            case SendOutcome.Sent sent:
                message.Status = DeliveryStatus.Sent;
                message.SentAt = now;
                message.LastError = null;
                message.ProviderMessageId = sent.ProviderMessageId;
                message.ProviderStatus ??= "sent";
                message.Route = sent.Route;
                message.Segments = sent.Segments;
                await SaveAsync(message);
                return RowOutcome.Done;
            case SendOutcome.Permanent permanent:
                message.Status = DeliveryStatus.Failed;
                message.LastError = permanent.Error;
                logger.LogWarning("Outbox message {OutboxId} on {Channel} cannot be delivered: {Error}", message.Id, _channel, permanent.Error);
                var unreachable = permanent.Unreachable ? await FindIdentityAsync(message.Address, cancellationToken) : null;
                await SaveAsync(message, unreachable, now);
                if (unreachable is not null) flags.Unreachable(_channel, message.Address, now);
                return RowOutcome.Done;
            default:
                var transient = (SendOutcome.Transient)outcome;
                message.LastError = transient.Error;
                if (message.Attempts >= options.MaxAttempts)
                {
                    message.Status = DeliveryStatus.Failed;
                    logger.LogError("Giving up on outbox message {OutboxId} on {Channel} after {Attempts} attempts", message.Id, _channel, message.Attempts);
                    await SaveAsync(message);
                    return RowOutcome.Done;
                }
                var wait = RetrySchedule.Delay(options, message.Attempts, transient.RetryAfter, Random.Shared);
                message.NextAttemptAt = now + wait;
                logger.LogWarning("Sending outbox message {OutboxId} on {Channel} failed ({Error}); attempt {Attempts}, next in {Wait}",
                    message.Id, _channel, transient.Error, message.Attempts, wait);
                await SaveAsync(message);
                return RowOutcome.RetryStored;
        }
    }

    private async Task<SendOutcome> SendWithTimeoutAsync(OutboxMessage message, CancellationToken stoppingToken)
    {
        using var timeout = new CancellationTokenSource(options.SendTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, timeout.Token);
        try
        {
            return await sender.SendAsync(message, linked.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !stoppingToken.IsCancellationRequested)
        {
            return new SendOutcome.Transient($"no answer within {options.SendTimeout}");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new SendOutcome.Transient($"{e.GetType().Name}: {e.Message}");
        }
    }

    private async Task<long?> FindIdentityAsync(string address, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ChannelIdentities.Where(i => i.Channel == _channel && i.Address == address)
            .Select(i => (long?)i.Id).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Recorded even when stopping: a sent reply must not be sent again after a restart.</summary>
    private Task SaveAsync(OutboxMessage message, long? unreachableIdentityId = null, DateTimeOffset unreachableSince = default) =>
        writer.WriteAtOnceAsync(db =>
        {
            db.Rows.Update(message, DeliveryColumns);
            if (unreachableIdentityId is not { } id) return;
            var identity = new ChannelIdentity { Id = id, Address = "" };
            db.ChannelIdentities.Attach(identity);
            identity.UnreachableSince = unreachableSince;
            db.Entry(identity).Property(i => i.UnreachableSince).IsModified = true;
        }, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await _rateLimiter.DisposeAsync();
        await _staffGroupLimiter.DisposeAsync();
    }
}
