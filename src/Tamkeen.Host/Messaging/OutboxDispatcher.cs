using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tamkeen.Core.Conversations;
using Tamkeen.Host.Data;
using Tamkeen.Host.Settings;

namespace Tamkeen.Host.Messaging;

/// <summary>
/// Sends stored replies through their channels: one independent dispatcher per channel that is on, so a slow or
/// failing channel never holds up another. Replies reach it in memory after their commit (<see cref="OutboxSignal"/>);
/// retries are kept in the database, so a restart keeps the schedule.
/// </summary>
public sealed class OutboxDispatcher : BackgroundService
{
    private readonly Dictionary<Channel, ChannelDispatcher> _dispatchers = [];

    public OutboxDispatcher(
        IDbContextFactory<TamkeenDb> dbFactory,
        DatabaseWriter writer,
        IEnumerable<IChannelSender> senders,
        IdentityFlags flags,
        IOptions<DispatchOptions> options,
        TimeProvider time,
        ILogger<OutboxDispatcher> logger)
    {
        foreach (var sender in senders)
        {
            // Two dispatchers for one channel would each send its replies.
            if (_dispatchers.ContainsKey(sender.Channel)) throw new InvalidOperationException($"Two senders are registered for {sender.Channel}.");
            _dispatchers[sender.Channel] = new ChannelDispatcher(sender, dbFactory, writer, flags, options.Value, time, logger);
        }
    }

    /// <summary>Gives a pending row just committed to its channel's dispatcher; a channel that is off has none.</summary>
    internal void Accept(OutboxMessage row)
    {
        if (_dispatchers.TryGetValue(row.Channel, out var dispatcher)) dispatcher.Accept(row);
    }

    /// <inheritdoc cref="ChannelDispatcher.TryCarry"/>
    internal bool TryCarry(OutboxMessage row) => _dispatchers.TryGetValue(row.Channel, out var dispatcher) && dispatcher.TryCarry(row);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.WhenAll(_dispatchers.Values.Select(d => Task.Run(() => d.RunAsync(stoppingToken), CancellationToken.None)));
        }
        finally
        {
            foreach (var dispatcher in _dispatchers.Values) await dispatcher.DisposeAsync();
        }
    }
}
