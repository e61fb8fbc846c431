using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Tamkeen.Core.Conversations;
using Tamkeen.Host.Data;

namespace Tamkeen.Host.Messaging;

/// <summary>
/// Who must not get replies on a channel: people who sent STOP (replies created after it) and people the channel said
/// cannot be reached (blocked the bot). Read from the identities at start, then told of each change right after the
/// commit that stored it, so that no reply needs a query to know.
/// </summary>
/// <remarks>
/// Tell a change before handing the same commit's replies to <see cref="OutboxSignal.Committed"/>: the START
/// confirmation, or the answer to someone who was unreachable and wrote again, must not meet the flag it ends.
/// </remarks>
public sealed class IdentityFlags(IDbContextFactory<TamkeenDb> dbFactory) : IHostedService
{
    private readonly ConcurrentDictionary<(Channel, string), Flags> _flags = new();
    private readonly Lock _gate = new();
    private readonly TaskCompletionSource _loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private HashSet<(Channel, string)>? _changedWhileLoading;

    /// <summary>The person sent STOP at <paramref name="at"/>; replies created later are not sent.</summary>
    public void OptedOut(Channel channel, string address, DateTimeOffset at) => Change((channel, address), f => f with { OptedOutAt = at });

    /// <summary>The person sent START.</summary>
    public void OptedIn(Channel channel, string address) => Change((channel, address), f => f with { OptedOutAt = null });

    /// <summary>The channel said the person cannot be reached; nothing more is sent to them there.</summary>
    public void Unreachable(Channel channel, string address, DateTimeOffset since) => Change((channel, address), f => f with { UnreachableSince = since });

    /// <summary>The person can be reached again (they wrote on the channel after it was cleared in the database).</summary>
    public void Reachable(Channel channel, string address) => Change((channel, address), f => f with { UnreachableSince = null });

    /// <summary>Whether the identity may be marked unreachable in the database (always, until the stored flags are read).</summary>
    public bool MayBeUnreachable(Channel channel, string address) =>
        !_loaded.Task.IsCompleted || (_flags.TryGetValue((channel, address), out var flags) && flags.UnreachableSince is not null);

    /// <summary>Whether the person sent STOP on the channel or cannot be reached there: nothing new is sent to them.</summary>
    public bool Refuses(Channel channel, string address) =>
        _flags.TryGetValue((channel, address), out var flags) && (flags.OptedOutAt is not null || flags.UnreachableSince is not null);

    /// <summary>Why nothing may be sent for this row now, if so.</summary>
    internal string? ReasonNotToSend(OutboxMessage message) =>
        _flags.TryGetValue((message.Channel, message.Address), out var flags) ? flags switch
        {
            // The STOP confirmation is stored in the same commit as the opt-out, with the same time, and still goes.
            { OptedOutAt: { } stoppedAt } when message.CreatedAt > stoppedAt => "not sent: the person sent STOP",
            { UnreachableSince: not null } => "not sent: the person cannot be reached on this channel (blocked the bot)",
            _ => null,
        } : null;

    /// <summary>Completes once the stored flags are read; nothing may be sent before.</summary>
    internal Task Loaded => _loaded.Task;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        lock (_gate) _changedWhileLoading = [];
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var flagged = await db.ChannelIdentities.AsNoTracking()
            .Where(i => i.OptedOutAt != null || i.UnreachableSince != null)
            .Select(i => new { i.Channel, i.Address, i.OptedOutAt, i.UnreachableSince })
            .ToListAsync(cancellationToken);
        lock (_gate)
        {
            foreach (var identity in flagged)
            {
                // A change told while this was read came after its commit, so it is newer than what was read.
                var key = (identity.Channel, identity.Address);
                if (!_changedWhileLoading.Contains(key)) _flags[key] = new Flags(identity.OptedOutAt, identity.UnreachableSince);
            }
            _changedWhileLoading = null;
        }
        _loaded.TrySetResult();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Change((Channel, string) key, Func<Flags, Flags> change)
    {
        lock (_gate)
        {
            _changedWhileLoading?.Add(key);
            var flags = change(_flags.GetValueOrDefault(key));
            if (flags == default) _flags.TryRemove(key, out _);
            else _flags[key] = flags;
        }
    }

    private readonly record struct Flags(DateTimeOffset? OptedOutAt, DateTimeOffset? UnreachableSince);
}
