using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;

namespace Tamkeen.Host.Data;

/// <summary>
/// The only writer to the database. SQLite takes one writer at a time, and its client waits for a busy file by
/// sleeping 150 ms between tries; so every write is handed here instead, and whatever has queued up while the
/// previous commit ran is committed together in one transaction (group commit): a burst of messages costs one
/// commit, not one each.
/// </summary>
/// <remarks>
/// A change is a function that adds or attaches entities to the context it is given. It may run more than once
/// (after a failed group commit each change is retried on its own, so one bad change fails only its own caller),
/// so it should create the entities it adds rather than reuse instances from an earlier run.
/// </remarks>
public sealed class DatabaseWriter : IAsyncDisposable
{
    private const int MaxGroup = 256;

    private readonly IDbContextFactory<TamkeenDb> _dbFactory;
    private readonly Channel<PendingWrite> _queue =
        Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;

    public DatabaseWriter(IDbContextFactory<TamkeenDb> dbFactory)
    {
        _dbFactory = dbFactory;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Completes once the change is committed; faults with the database's error if it was refused.</summary>
    /// <remarks>Once queued the change is committed even if the caller stops waiting.</remarks>
    public Task WriteAsync(Action<TamkeenDb> change, CancellationToken cancellationToken = default)
    {
        var write = new PendingWrite(change, null, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        ObjectDisposedException.ThrowIf(!_queue.Writer.TryWrite(write), this);
        return write.Committed.Task.WaitAsync(cancellationToken);
    }

    /// <summary>A change that may read and run set-based updates inside its transaction; completes once committed.</summary>
    /// <remarks>
    /// Stand-in until group commit runs async changes (a savepoint each): for now each runs alone, like
    /// <see cref="WriteAloneAsync"/>. The change is not given the caller's token, because once queued it is committed
    /// even if the caller stops waiting.
    /// </remarks>
    public Task WriteAsync(Func<TamkeenDb, CancellationToken, Task> change, CancellationToken cancellationToken = default) =>
        WriteAloneAsync(db => change(db, CancellationToken.None), cancellationToken);

    /// <summary>
    /// For the rare change that must read or run set-based updates (moving a person's rows to another record): it runs
    /// alone, in its own transaction, between group commits, and is committed only if it completes.
    /// </summary>
    public Task WriteAloneAsync(Func<TamkeenDb, Task> work, CancellationToken cancellationToken = default)
    {
        var write = new PendingWrite(null, work, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        ObjectDisposedException.ThrowIf(!_queue.Writer.TryWrite(write), this);
        return write.Committed.Task.WaitAsync(cancellationToken);
    }

    private async Task RunAsync()
    {
        var group = new List<PendingWrite>(MaxGroup);
        while (await _queue.Reader.WaitToReadAsync())
        {
            group.Clear();
            while (group.Count < MaxGroup && _queue.Reader.TryPeek(out var next) && (next.Work is null || group.Count == 0))
            {
                _queue.Reader.TryRead(out var write);
                group.Add(write!);
                if (write!.Work is not null) break;
            }
            if (group[0].Work is not null) await RunAloneAsync(group[0]);
            else if (group.Count == 1) await TryCommitAsync(group, reportTo: group[0]);
            else if (!await TryCommitAsync(group, reportTo: null))
            {
                foreach (var write in group) await TryCommitAsync([write], reportTo: write);
            }
        }
    }

    /// <param name="reportTo">The caller told of a failure; null while a failure still has to be narrowed down.</param>
    private async Task<bool> TryCommitAsync(List<PendingWrite> group, PendingWrite? reportTo)
    {
        try
        {
            await using var db = await _dbFactory.CreateDbContextAsync();
            foreach (var write in group) write.Change!(db);
            await db.SaveChangesAsync();
        }
        catch (Exception e)
        {
            reportTo?.Committed.TrySetException(e);
            return false;
        }
        foreach (var write in group) write.Committed.TrySetResult();
        return true;
    }

    private async Task RunAloneAsync(PendingWrite write)
    {
        try
        {
            await using var db = await _dbFactory.CreateDbContextAsync();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await write.Work!(db);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }
        catch (Exception e)
        {
            write.Committed.TrySetException(e);
            return;
        }
        write.Committed.TrySetResult();
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }

    /// <summary>Either a <paramref name="Change"/> committed with others, or <paramref name="Work"/> run alone.</summary>
    private sealed record PendingWrite(Action<TamkeenDb>? Change, Func<TamkeenDb, Task>? Work, TaskCompletionSource Committed);
}
