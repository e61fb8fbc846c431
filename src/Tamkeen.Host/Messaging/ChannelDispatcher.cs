using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Tamkeen.Core.Beneficiaries;
using Tamkeen.Core.Conversations;
using Tamkeen.Host.Data;
using Tamkeen.Host.Settings;

namespace Tamkeen.Host.Messaging;

/// <summary>
/// Sends one channel's outbox: each recipient's replies in order, many recipients at once, under the channel's rate
/// limits. A recipient whose send failed waits for its retry while the others go on; the loop never waits for a slow
/// chat, only for a free slot.
/// </summary>
internal sealed class ChannelDispatcher(
    IChannelSender sender,
    IDbContextFactory<TamkeenDb> dbFactory,
    DatabaseWriter writer,
    OutboxSignal signal,
    IdentityFlags flags,
    DispatchOptions options,
    TimeProvider time,
    ILogger logger) : IAsyncDisposable
{
    private readonly Channel _channel = sender.Channel;
    private readonly PartitionedRateLimiter<string> _rateLimiter = DispatchRateLimiter.Create(options.RateLimit(sender.Channel));
    private readonly ConcurrentDictionary<string, bool> _busy = new();
    private readonly SemaphoreSlim _slots = new(options.RecipientsInParallel);

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        await flags.Loaded.WaitAsync(stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // One reading of the clock for both queries: a retry falling due between them must not be skipped.
                var now = time.GetUtcNow();
                if (await StartDueRecipientsAsync(now, stoppingToken) == 0)
                    await signal.WaitAsync(_channel, await NextWakeUpAsync(now, stoppingToken), time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Dispatch on {Channel} failed; retrying after the poll interval", _channel);
                await Task.Delay(options.PollInterval, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
        // Every recipient being served holds a slot: taking them all waits until each has saved what it sent.
        for (var i = 0; i < options.RecipientsInParallel; i++) await _slots.WaitAsync(CancellationToken.None);
    }

    /// <returns>How many recipients were started.</returns>
    private async Task<int> StartDueRecipientsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        // A recipient busy while the query runs may save its sends right after it: its rows in this result can be stale,
        // so it is left for the next round (its worker wakes the loop when it ends).
        var busyDuringQuery = _busy.Keys.ToHashSet();
        List<OutboxMessage> due;
        HashSet<string> waitingForRetry;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            due = await db.Outbox.AsNoTracking()
                .Where(m => m.Channel == _channel && m.Status == DeliveryStatus.Pending && m.NextAttemptAt <= now)
                .OrderBy(m => m.Id).Take(options.BatchSize).ToListAsync(cancellationToken);
            if (due.Count == 0) return 0;
            // A recipient with a reply waiting for its retry gets nothing newer until that one is sent.
            waitingForRetry = (await db.Outbox
                .Where(m => m.Channel == _channel && m.Status == DeliveryStatus.Pending && m.NextAttemptAt > now)
                .Select(m => m.Address).Distinct().ToListAsync(cancellationToken)).ToHashSet();
        }

        var started = 0;
        foreach (var recipient in due.GroupBy(m => m.Address))
        {
            if (waitingForRetry.Contains(recipient.Key) || busyDuringQuery.Contains(recipient.Key) || !_busy.TryAdd(recipient.Key, true)) continue;
            await _slots.WaitAsync(cancellationToken);
            _ = SendToRecipientAsync(recipient.Key, recipient.ToList(), cancellationToken);
            started++;
        }
        return started;
    }

    /// <remarks>Owned through its slot and its busy mark, both released when it ends; it never throws.</remarks>
    private async Task SendToRecipientAsync(string address, List<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        await Task.Yield();
        try
        {
            foreach (var message in messages)
            {
                if (!await SendOneAsync(message, cancellationToken)) break;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            logger.LogError(e, "Dispatch to a recipient on {Channel} failed", _channel);
        }
        finally
        {
            _busy.TryRemove(address, out _);
            _slots.Release();
            // Replies stored for this recipient while it was busy were skipped; look again.
            signal.Notify(_channel);
        }
    }

    /// <returns>False when the recipient's later replies must wait (a retry is scheduled).</returns>
    private async Task<bool> SendOneAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        if (flags.ReasonNotToSend(message) is { } reason)
        {
            message.Status = DeliveryStatus.Failed;
            message.LastError = reason;
            await SaveAsync(message, null);
            return true;
        }

        using (var lease = await _rateLimiter.AcquireAsync(message.Address, 1, cancellationToken))
        {
            if (!lease.IsAcquired) return false;
        }

        message.Attempts++;
        var outcome = await SendWithTimeoutAsync(message, cancellationToken);
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
                await SaveAsync(message, null);
                return true;
            case SendOutcome.Permanent permanent:
                message.Status = DeliveryStatus.Failed;
                message.LastError = permanent.Error;
                logger.LogWarning("Outbox message {OutboxId} on {Channel} cannot be delivered: {Error}", message.Id, _channel, permanent.Error);
                var unreachable = permanent.Unreachable ? await FindIdentityAsync(message.Address, cancellationToken) : null;
                if (unreachable is not null) unreachable.UnreachableSince = now;
                await SaveAsync(message, unreachable);
                if (unreachable is not null) flags.Unreachable(_channel, message.Address, now);
                return true;
            default:
                var transient = (SendOutcome.Transient)outcome;
                message.LastError = transient.Error;
                if (message.Attempts >= options.MaxAttempts)
                {
                    message.Status = DeliveryStatus.Failed;
                    logger.LogError("Giving up on outbox message {OutboxId} on {Channel} after {Attempts} attempts", message.Id, _channel, message.Attempts);
                    await SaveAsync(message, null);
                    return true;
                }
                var wait = RetrySchedule.Delay(options, message.Attempts, transient.RetryAfter, Random.Shared);
                message.NextAttemptAt = now + wait;
                logger.LogWarning("Sending outbox message {OutboxId} on {Channel} failed ({Error}); attempt {Attempts}, next in {Wait}",
                    message.Id, _channel, transient.Error, message.Attempts, wait);
                await SaveAsync(message, null);
                return false;
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

    private async Task<ChannelIdentity?> FindIdentityAsync(string address, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ChannelIdentities.AsNoTracking().FirstOrDefaultAsync(i => i.Channel == _channel && i.Address == address, cancellationToken);
    }

    /// <summary>Recorded even when stopping: a sent reply must not be sent again after a restart.</summary>
    private Task SaveAsync(OutboxMessage message, ChannelIdentity? unreachable) => writer.WriteAsync(db =>
    {
        db.Outbox.Update(message);
        if (unreachable is null) return;
        var row = new ChannelIdentity { Id = unreachable.Id, Address = unreachable.Address };
        db.ChannelIdentities.Attach(row);
        row.UnreachableSince = unreachable.UnreachableSince;
    }, CancellationToken.None);

    /// <summary>Sleep until the earliest scheduled retry, or the poll interval if that is sooner.</summary>
    private async Task<DateTimeOffset> NextWakeUpAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // Only future retries count: due rows still pending are waiting behind one of those, or are being sent.
        var next = await db.Outbox.Where(m => m.Channel == _channel && m.Status == DeliveryStatus.Pending && m.NextAttemptAt > now)
            .OrderBy(m => m.NextAttemptAt).Select(m => (DateTimeOffset?)m.NextAttemptAt).FirstOrDefaultAsync(cancellationToken);
        var poll = now + options.PollInterval;
        return next is { } retry && retry < poll ? retry : poll;
    }

    public async ValueTask DisposeAsync()
    {
        await _rateLimiter.DisposeAsync();
        _slots.Dispose();
    }
}
