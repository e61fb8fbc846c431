using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tamkeen.Host.Data;
using Tamkeen.Host.Settings;

namespace Tamkeen.Host.Messaging;

/// <summary>
/// Sends stored replies through their channels: one independent dispatcher per channel that is on, so a slow or
/// failing channel never holds up another. Retries are kept in the database, so a restart keeps the schedule.
/// </summary>
public sealed class OutboxDispatcher(
    IDbContextFactory<TamkeenDb> dbFactory,
    DatabaseWriter writer,
    IEnumerable<IChannelSender> senders,
    OutboxSignal signal,
    IdentityFlags flags,
    IOptions<DispatchOptions> options,
    TimeProvider time,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var dispatchers = senders
            .Select(sender => new ChannelDispatcher(sender, dbFactory, writer, signal, flags, options.Value, time, logger))
            .ToList();
        try
        {
            await Task.WhenAll(dispatchers.Select(d => Task.Run(() => d.RunAsync(stoppingToken), CancellationToken.None)));
        }
        finally
        {
            foreach (var dispatcher in dispatchers) await dispatcher.DisposeAsync();
        }
    }
}
