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
    DatabaseWriter writer,
    IEnumerable<IChannelSender> senders,
    OutboxSignal signal,
    IOptions<DispatchOptions> options,
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
                // One reading of the clock for both queries: a retry falling due between them must not be skipped.
                var now = time.GetUtcNow();
                if (await DispatchBatchAsync(now, stoppingToken) == 0)
                    await signal.WaitAsync(await NextWakeUpAsync(now, stoppingToken), time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Outbox dispatch failed; retrying after the poll interval");
                await Task.Delay(options.Value.PollInterval, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <returns>How many rows were attempted.</returns>
    private async Task<int> DispatchBatchAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var channels = _senders.Keys.ToList();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var batch = await db.Outbox.AsNoTracking()
            .Where(m => m.Status == DeliveryStatus.Pending && m.NextAttemptAt <= now && channels.Contains(m.Channel))
            .OrderBy(m => m.Id)
            .Take(options.Value.BatchSize)
            .ToListAsync(cancellationToken);
        if (batch.Count == 0) return 0;

        // A recipient with a reply waiting for its retry gets nothing newer until that one is sent.
        var blocked = (await db.Outbox.Where(m => m.Status == DeliveryStatus.Pending && m.NextAttemptAt > now)
                .Select(m => new { m.Channel, m.Address }).Distinct().ToListAsync(cancellationToken))
            .Select(r => (r.Channel, r.Address)).ToHashSet();
        var attempted = new List<OutboxMessage>(batch.Count);
        foreach (var message in batch)
        {
            if (blocked.Contains((message.Channel, message.Address))) continue;
            attempted.Add(message);
            message.Attempts++;
            try
            {
                var outcome = await _senders[message.Channel].SendAsync(message, cancellationToken);
                if (outcome is SendOutcome.Sent sent)
                {
                    message.Status = DeliveryStatus.Sent;
                    message.SentAt = time.GetUtcNow();
                    message.LastError = null;
                    message.ProviderMessageId = sent.ProviderMessageId;
                    message.Route = sent.Route;
                    message.Segments = sent.Segments;
                }
                else if (outcome is SendOutcome.Permanent permanent)
                {
                    message.Status = DeliveryStatus.Failed;
                    message.LastError = permanent.Error;
                }
                else
                {
                    blocked.Add((message.Channel, message.Address));
                    ScheduleRetry(message, new InvalidOperationException(((SendOutcome.Transient)outcome).Error));
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                blocked.Add((message.Channel, message.Address));
                ScheduleRetry(message, e);
            }
        }

        // Recorded even when stopping: these were sent, and must not be sent again after a restart.
        if (attempted.Count > 0) await writer.WriteAsync(changes => changes.Outbox.UpdateRange(attempted), CancellationToken.None);
        return attempted.Count;
    }

    /// <summary>Sleep until the earliest scheduled retry, or the poll interval if that is sooner.</summary>
    private async Task<DateTimeOffset> NextWakeUpAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var channels = _senders.Keys.ToList();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // Only future retries count: due rows still pending are waiting behind one of those.
        var next = await db.Outbox.Where(m => m.Status == DeliveryStatus.Pending && m.NextAttemptAt > now && channels.Contains(m.Channel))
            .OrderBy(m => m.NextAttemptAt).Select(m => (DateTimeOffset?)m.NextAttemptAt).FirstOrDefaultAsync(cancellationToken);
        var poll = now + options.Value.PollInterval;
        return next is { } retry && retry < poll ? retry : poll;
    }

    private void ScheduleRetry(OutboxMessage message, Exception error)
    {
        message.LastError = $"{error.GetType().Name}: {error.Message}";
        if (message.Attempts >= options.Value.MaxAttempts)
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
