using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tamkeen.Host.Data;
using Tamkeen.Host.Settings;

namespace Tamkeen.Host.Messaging;

/// <summary>
/// A fixed set of lanes keyed by beneficiary: one beneficiary's messages run one at a time in arrival order,
/// different beneficiaries run in parallel. On start, messages stored but never processed are replayed.
/// </summary>
/// <remarks>
/// The lanes hold at most <see cref="MessagingOptions.MaxQueued"/> inputs, and one person at most
/// <see cref="MessagingOptions.MaxQueuedPerPerson"/> (<see cref="HasRoomFor"/>): past that, channels that can send again
/// later are asked to, so memory stays bounded and one person's flood waits behind their own messages, never longer
/// than a few of theirs before anyone else's.
/// </remarks>
public sealed class ConversationLanes : IHostedService, IDisposable
{
    private readonly Channel<LaneItem>[] _lanes;
    private readonly ConversationProcessor _processor;
    private readonly IDbContextFactory<TamkeenDb> _dbFactory;
    private readonly ILogger<ConversationLanes> _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<long, int> _queuedPerPerson = new();
    private readonly int _maxQueued;
    private readonly int _maxQueuedPerPerson;
    private int _queued;
    private Task[] _workers = [];

    public ConversationLanes(IOptions<MessagingOptions> options, ConversationProcessor processor,
        IDbContextFactory<TamkeenDb> dbFactory, ILogger<ConversationLanes> logger)
    {
        _lanes = Enumerable.Range(0, options.Value.Lanes)
            .Select(_ => Channel.CreateUnbounded<LaneItem>(new UnboundedChannelOptions { SingleReader = true }))
            .ToArray();
        _processor = processor;
        _dbFactory = dbFactory;
        _logger = logger;
        _maxQueued = options.Value.MaxQueued;
        _maxQueuedPerPerson = options.Value.MaxQueuedPerPerson;
    }

    /// <summary>Inputs queued or being processed.</summary>
    public int Queued => Volatile.Read(ref _queued);

    /// <summary>Whether the lanes take more now: in total, and for this person when known.</summary>
    public bool HasRoomFor(long? beneficiaryId) =>
        Queued < _maxQueued && (beneficiaryId is not { } id || _queuedPerPerson.GetValueOrDefault(id) < _maxQueuedPerPerson);

    /// <param name="inline">The request that brought the message, waiting to carry its reply; null when none waits.</param>
    /// <returns>Completes once the message's replies are stored.</returns>
    public Task Enqueue(InboxMessage message, InlineReply? inline = null)
    {
        var item = new LaneItem(message, inline, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        Interlocked.Increment(ref _queued);
        _queuedPerPerson.AddOrUpdate(message.BeneficiaryId, 1, (_, count) => count + 1);
        // Bounded by what intake lets in, not by the channel, so this only fails after the lanes stopped; the row
        // stays in the inbox for the next start.
        if (_lanes[message.BeneficiaryId % _lanes.Length].Writer.TryWrite(item)) inline?.Queued();
        return item.Done.Task;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using (var db = await _dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var pending = await db.Inbox.AsNoTracking().Where(m => m.ProcessedAt == null).OrderBy(m => m.Id).ToListAsync(cancellationToken);
            foreach (var message in pending) _ = Enqueue(message);
            if (pending.Count > 0) _logger.LogInformation("Replaying {Count} messages received before the last stop", pending.Count);
        }
        _workers = _lanes.Select(lane => Task.Run(() => RunLaneAsync(lane.Reader, _stopping.Token), CancellationToken.None)).ToArray();
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var lane in _lanes) lane.Writer.TryComplete();
        await _stopping.CancelAsync();
        await Task.WhenAll(_workers).WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task RunLaneAsync(ChannelReader<LaneItem> reader, CancellationToken stopping)
    {
        try
        {
            await foreach (var item in reader.ReadAllAsync(stopping))
            {
                try
                {
                    await _processor.ProcessAsync(item.Message, item.Inline, stopping);
                }
                finally
                {
                    item.Inline?.Deliver(null); // a no-op once the step delivered its reply
                }
                Dequeued(item.Message.BeneficiaryId);
                item.Done.TrySetResult();
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Unprocessed rows stay in the inbox and are replayed on the next start.
        }
    }

    private void Dequeued(long beneficiaryId)
    {
        Interlocked.Decrement(ref _queued);
        // Removed at zero only if no enqueue came in between, so that the map holds only people with inputs waiting.
        if (_queuedPerPerson.AddOrUpdate(beneficiaryId, 0, (_, count) => count - 1) == 0)
            _queuedPerPerson.TryRemove(new KeyValuePair<long, int>(beneficiaryId, 0));
    }

    public void Dispose() => _stopping.Dispose();

    private sealed record LaneItem(InboxMessage Message, InlineReply? Inline, TaskCompletionSource Done);
}
