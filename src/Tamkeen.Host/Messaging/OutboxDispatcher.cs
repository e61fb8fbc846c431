using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tamkeen.Core.Conversations;
using Tamkeen.Host.Data;
using Tamkeen.Host.Settings;

namespace Tamkeen.Host.Messaging;

/// <summary>
/// Sends stored replies through their channel, in order per recipient, retrying failures with exponential
/// backoff kept in the database (so a restart keeps the schedule), and records each delivery.
/// </summary>
public sealed class OutboxDispatcher(
    IDbContextFactory<TamkeenDb> dbFactory,
    DatabaseWriteLock writeLock,
    IEnumerable<IChannelSender> senders,
    OutboxSignal signal,
    IOptions<MessagingOptions> options,
    TimeProvider time,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private readonly Dictionary<Channel, IChannelSender> _senders = senders.ToDictionary(s => s.Channel);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await DispatchBatchAsync(stoppingToken) == 0)
                    await signal.WaitAsync(await TimeUntilNextRetryAsync(stoppingToken), time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Outbox dispatch failed; retrying after the poll interval");
                await Task.Delay(options.Value.DispatchPollInterval, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <returns>How many rows were attempted.</returns>
    public async Task<int> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var channels = _senders.Keys.ToList();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var batch = await db.Outbox
            .Where(m => m.Status == DeliveryStatus.Pending && m.NextAttemptAt <= now && channels.Contains(m.Channel))
            .OrderBy(m => m.Id)
            .Take(options.Value.DispatchBatchSize)
            .ToListAsync(cancellationToken);
        if (batch.Count == 0) return 0;

        // A recipient with a reply waiting for its retry gets nothing newer until that one is sent.
        var blocked = (await db.Outbox.Where(m => m.Status == DeliveryStatus.Pending && m.NextAttemptAt > now)
                .Select(m => new { m.Channel, m.Address }).Distinct().ToListAsync(cancellationToken))
            .Select(r => (r.Channel, r.Address)).ToHashSet();
        batch.RemoveAll(m => blocked.Contains((m.Channel, m.Address)));
        foreach (var message in batch)
        {
            if (blocked.Contains((message.Channel, message.Address))) continue;
            message.Attempts++;
            try
            {
                await _senders[message.Channel].SendAsync(message, cancellationToken);
                message.Status = DeliveryStatus.Sent;
                message.SentAt = time.GetUtcNow();
                message.LastError = null;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                blocked.Add((message.Channel, message.Address));
                ScheduleRetry(message, e);
            }
        }

        using (await writeLock.EnterAsync(CancellationToken.None))
        {
            await db.SaveChangesAsync(CancellationToken.None);
        }
        return batch.Count;
    }

    /// <summary>Sleep until the earliest scheduled retry, or the poll interval if that is sooner.</summary>
    private async Task<TimeSpan> TimeUntilNextRetryAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var channels = _senders.Keys.ToList();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // Only future retries count: due rows still pending are waiting behind one of those.
        var next = await db.Outbox.Where(m => m.Status == DeliveryStatus.Pending && m.NextAttemptAt > now && channels.Contains(m.Channel))
            .OrderBy(m => m.NextAttemptAt).Select(m => (DateTimeOffset?)m.NextAttemptAt).FirstOrDefaultAsync(cancellationToken);
        var poll = options.Value.DispatchPollInterval;
        if (next is null) return poll;
        var wait = next.Value - now;
        return wait < poll ? wait : poll;
    }

    private void ScheduleRetry(OutboxMessage message, Exception error)
    {
        message.LastError = $"{error.GetType().Name}: {error.Message}";
        if (message.Attempts >= options.Value.MaxSendAttempts)
        {
            message.Status = DeliveryStatus.Failed;
            logger.LogError("Giving up on outbox message {OutboxId} on {Channel} after {Attempts} attempts", message.Id, message.Channel, message.Attempts);
            return;
        }
        var backoff = options.Value.RetryBaseDelay * Math.Pow(2, message.Attempts - 1);
        if (backoff > options.Value.RetryMaxDelay) backoff = options.Value.RetryMaxDelay;
        message.NextAttemptAt = time.GetUtcNow() + backoff;
        logger.LogWarning("Sending outbox message {OutboxId} on {Channel} failed ({Error}); attempt {Attempts}, next in {Backoff}",
            message.Id, message.Channel, error.GetType().Name, message.Attempts, backoff);
    }
}
