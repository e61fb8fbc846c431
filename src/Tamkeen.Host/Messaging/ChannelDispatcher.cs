using Microsoft.EntityFrameworkCore;
using Tamkeen.Core.Conversations;
using Tamkeen.Host.Data;
using Tamkeen.Host.Settings;

namespace Tamkeen.Host.Messaging;

/// <summary>
/// Sends one channel's outbox: each recipient's replies in order, up to <see cref="DispatchOptions.RecipientsInParallel"/>
/// recipients at once, under the channel's rate limits. Rows committed by this process are handed over in memory
/// (<see cref="Accept"/>) and sent without reading the outbox; it is read only at start, for rows an earlier run left
/// pending, and for retries once they fall due (or every poll interval, in case one was missed).
/// </summary>
/// <remarks>
/// A recipient whose send failed waits for its retry while the others go on: its retry is stored on the row and read
/// back when due, and its newer rows wait in memory behind it.
/// </remarks>
internal sealed class ChannelDispatcher : IAsyncDisposable
{
    private readonly Channel _channel;
    private readonly IDbContextFactory<TamkeenDb> _dbFactory;
    private readonly OutboxRowSender _rowSender;
    private readonly IdentityFlags _flags;
    private readonly DispatchOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly RetryAlarm _alarm = new();

    private readonly Lock _gate = new();
    private readonly Dictionary<string, RecipientQueue> _recipients = new(StringComparer.Ordinal);
    private readonly Queue<RecipientQueue> _ready = new();
    private readonly PriorityQueue<RecipientQueue, DateTimeOffset> _waits = new();

    /// <summary>Ids of the rows in memory: waiting in a queue or being sent.</summary>
    private readonly HashSet<long> _held = [];

    /// <summary>Rows read at start; the hand-off of one stored just before that read may still come, and is dropped.</summary>
    private readonly HashSet<long> _recovered = [];

    /// <summary>While due retries are read: rows whose attempt ended meanwhile, which the read may show as they were.</summary>
    private HashSet<long>? _endedDuringRead;

    private readonly TaskCompletionSource _sendsEnded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationToken _stoppingToken = new(canceled: true);
    private int _sending;
    private bool _started;
    private bool _stopping;

    public ChannelDispatcher(IChannelSender sender, IDbContextFactory<TamkeenDb> dbFactory, DatabaseWriter writer, IdentityFlags flags,
        DispatchOptions options, TimeProvider time, ILogger logger)
    {
        _channel = sender.Channel;
        _dbFactory = dbFactory;
        _flags = flags;
        _options = options;
        _time = time;
        _logger = logger;
        _rowSender = new OutboxRowSender(sender, dbFactory, writer, flags, options, time, logger);
    }

    /// <summary>Takes a pending row just committed by this process. Runs on the committing thread: it only queues.</summary>
    /// <remarks>Rows taken before the dispatcher runs wait until the rows left from an earlier run are read.</remarks>
    public void Accept(OutboxMessage row)
    {
        lock (_gate)
        {
            if (_recovered.Remove(row.Id) || !_held.Add(row.Id)) return;
            Queue(row);
            Pump();
        }
    }

    /// <summary>
    /// Whether a reply about to be committed may go in the answer to its channel's request instead (<see cref="InlineReply"/>):
    /// only a text to a beneficiary, with nothing of theirs held here (it would overtake it), that may be sent to them at
    /// all, within the rate limits now; it then takes its place in them.
    /// </summary>
    public bool TryCarry(OutboxMessage row)
    {
        if (row.Recipient != OutboxRecipient.Beneficiary || row.AttachmentsJson is not null || row.Status != DeliveryStatus.Pending) return false;
        lock (_gate)
        {
            if (!_started || _recipients.ContainsKey(row.Address)) return false;
        }
        return _flags.ReasonNotToSend(row) is null && _rowSender.TryAcquire(row.Address);
    }

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        _stoppingToken = stoppingToken;
        var nextPoll = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!_started)
                {
                    await _flags.Loaded.WaitAsync(stoppingToken);
                    await RecoverAsync(stoppingToken);
                    nextPoll = _time.GetUtcNow() + _options.PollInterval;
                    continue;
                }
                var retry = EarliestWait();
                var now = _time.GetUtcNow();
                if (now >= nextPoll || retry <= now)
                {
                    await ReadDueRetriesAsync(stoppingToken);
                    nextPoll = _time.GetUtcNow() + _options.PollInterval;
                    continue;
                }
                await _alarm.WaitAsync(retry < nextPoll ? retry.Value : nextPoll, _time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                _logger.LogError(e, "Dispatch on {Channel} failed; retrying after the poll interval", _channel);
                await Task.Delay(_options.PollInterval, _time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
        lock (_gate)
        {
            _stopping = true;
            if (_sending == 0) _sendsEnded.TrySetResult();
        }
        // Each send under way saves what it did first: a sent reply must not be sent again after a restart.
        await _sendsEnded.Task;
    }

    /// <summary>Reads the rows an earlier run left pending, in id order, and starts sending.</summary>
    private async Task RecoverAsync(CancellationToken cancellationToken)
    {
        List<OutboxMessage> pending;
        await using (var db = await _dbFactory.CreateDbContextAsync(cancellationToken))
        {
            pending = await db.Outbox.AsNoTracking()
                .Where(m => m.Channel == _channel && m.Status == DeliveryStatus.Pending)
                .OrderBy(m => m.Id).ToListAsync(cancellationToken);
        }
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            foreach (var row in pending)
            {
                if (!_held.Add(row.Id)) continue; // handed over while this was read
                _recovered.Add(row.Id);
                var recipient = RecipientOf(row.Address);
                if (row.Attempts > 0 && row.NextAttemptAt > now && recipient.RetryRowId is null)
                {
                    _held.Remove(row.Id);
                    AwaitRetry(recipient, row);
                }
                else recipient.Add(row);
            }
            _started = true;
            foreach (var recipient in _recipients.Values) MarkReady(recipient);
            Pump();
        }
        if (pending.Count > 0) _logger.LogInformation("{Count} replies on {Channel} were left pending before the last stop", pending.Count, _channel);
    }

    /// <summary>Reads the retries that fell due and puts each back at the head of its recipient's queue.</summary>
    private async Task ReadDueRetriesAsync(CancellationToken cancellationToken)
    {
        lock (_gate) _endedDuringRead = [];
        try
        {
            var now = _time.GetUtcNow();
            var due = new List<OutboxMessage>();
            await using (var db = await _dbFactory.CreateDbContextAsync(cancellationToken))
            {
                // More than one query only when more than a batch fell due at once.
                for (var after = 0L; ;)
                {
                    var page = await db.Outbox.AsNoTracking()
                        .Where(m => m.Channel == _channel && m.Status == DeliveryStatus.Pending && m.Attempts > 0 && m.NextAttemptAt <= now && m.Id > after)
                        .OrderBy(m => m.Id).Take(_options.BatchSize).ToListAsync(cancellationToken);
                    due.AddRange(page);
                    if (page.Count < _options.BatchSize) break;
                    after = page[^1].Id;
                }
            }
            lock (_gate)
            {
                foreach (var row in due)
                {
                    // Being sent, or its attempt ended while this was read: this copy can be out of date.
                    if (_held.Contains(row.Id) || _endedDuringRead.Contains(row.Id)) continue;
                    var recipient = RecipientOf(row.Address);
                    if (recipient.RetryRowId == row.Id) EndWait(recipient);
                    _held.Add(row.Id);
                    Queue(row);
                }
                EndWaitsDueBy(now);
                Pump();
            }
        }
        finally
        {
            lock (_gate) _endedDuringRead = null;
        }
    }

    /// <summary>After a read of due retries: ends the waits that fell due by <paramref name="now"/> and were not ended by it.</summary>
    private void EndWaitsDueBy(DateTimeOffset now)
    {
        List<RecipientQueue>? readTooEarly = null;
        while (_waits.TryPeek(out var recipient, out var at) && at <= now)
        {
            _waits.Dequeue();
            if (recipient.WaitUntil != at) continue; // that wait ended or moved
            if (recipient.RetryRowId is { } id)
            {
                if (_endedDuringRead!.Contains(id))
                {
                    // Stored for a retry while the read ran: read again.
                    (readTooEarly ??= []).Add(recipient);
                    continue;
                }
                _logger.LogWarning("Outbox message {OutboxId} on {Channel} is no longer waiting for a retry; later replies to its recipient go on", id, _channel);
            }
            EndWait(recipient);
            MarkReady(recipient);
            ForgetIfDone(recipient);
        }
        foreach (var recipient in readTooEarly ?? []) _waits.Enqueue(recipient, recipient.WaitUntil!.Value);
    }

    private void Queue(OutboxMessage row)
    {
        var recipient = RecipientOf(row.Address);
        recipient.Add(row);
        MarkReady(recipient);
    }

    /// <summary>Starts sends while slots are free. Under the lock.</summary>
    private void Pump()
    {
        if (!_started || _stopping || _stoppingToken.IsCancellationRequested) return;
        while (_sending < _options.RecipientsInParallel && _ready.TryDequeue(out var recipient))
        {
            recipient.InReadyLine = false;
            if (!recipient.CanSend) continue;
            recipient.Sending = true;
            _sending++;
            _ = SendAsync(recipient, recipient.TakeFirst());
        }
    }

    /// <remarks>Holds its slot until it ends; it never throws.</remarks>
    private async Task SendAsync(RecipientQueue recipient, OutboxMessage row)
    {
        await Task.Yield(); // off the thread that holds the lock
        RowOutcome outcome;
        try
        {
            outcome = await _rowSender.SendAsync(row, _stoppingToken);
        }
        catch (OperationCanceledException) when (_stoppingToken.IsCancellationRequested)
        {
            outcome = RowOutcome.NotTried;
        }
        catch (Exception e)
        {
            _logger.LogError(e, "Sending outbox message {OutboxId} on {Channel} failed; trying again after the poll interval", row.Id, _channel);
            outcome = RowOutcome.NotTried;
        }
        lock (_gate)
        {
            Ended(recipient, row, outcome);
            Pump();
        }
    }

    private void Ended(RecipientQueue recipient, OutboxMessage row, RowOutcome outcome)
    {
        _sending--;
        recipient.Sending = false;
        _endedDuringRead?.Add(row.Id);
        switch (outcome)
        {
            case RowOutcome.Done:
                _held.Remove(row.Id);
                break;
            case RowOutcome.RetryStored:
                _held.Remove(row.Id);
                AwaitRetry(recipient, row);
                break;
            default:
                recipient.Add(row);
                Wait(recipient, _time.GetUtcNow() + _options.PollInterval);
                break;
        }
        MarkReady(recipient);
        ForgetIfDone(recipient);
        if (_stopping && _sending == 0) _sendsEnded.TrySetResult();
    }

    private RecipientQueue RecipientOf(string address)
    {
        if (!_recipients.TryGetValue(address, out var recipient)) _recipients[address] = recipient = new RecipientQueue(address);
        return recipient;
    }

    private void MarkReady(RecipientQueue recipient)
    {
        if (!recipient.CanSend || recipient.InReadyLine) return;
        recipient.InReadyLine = true;
        _ready.Enqueue(recipient);
    }

    private void ForgetIfDone(RecipientQueue recipient)
    {
        if (recipient.IsDone && !recipient.InReadyLine) _recipients.Remove(recipient.Address);
    }

    private void AwaitRetry(RecipientQueue recipient, OutboxMessage row)
    {
        recipient.RetryRowId = row.Id;
        Wait(recipient, row.NextAttemptAt);
    }

    private void Wait(RecipientQueue recipient, DateTimeOffset until)
    {
        recipient.WaitUntil = until;
        _waits.Enqueue(recipient, until);
        _alarm.Ring();
    }

    private static void EndWait(RecipientQueue recipient)
    {
        recipient.WaitUntil = null;
        recipient.RetryRowId = null;
    }

    /// <summary>The earliest time a recipient's wait ends, if any is waiting.</summary>
    private DateTimeOffset? EarliestWait()
    {
        lock (_gate)
        {
            while (_waits.TryPeek(out var recipient, out var at))
            {
                if (recipient.WaitUntil == at) return at;
                _waits.Dequeue(); // that wait ended or moved
            }
            return null;
        }
    }

    public ValueTask DisposeAsync() => _rowSender.DisposeAsync();
}
