using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;

namespace Tamkeen.Host.Data;

/// <summary>
/// The only writer to the database. SQLite takes one writer at a time, and its client waits for a busy file by
/// sleeping 150 ms between tries; so every write is handed here instead, and whatever has queued up while the
/// previous commit ran is committed together in one transaction (group commit): a burst of messages costs one
/// commit, not one each. Inside it each change can fail alone (<see cref="GroupTransaction"/>),
/// so a change that fails (a duplicate delivery) is undone and fails only its own caller. On PostgreSQL, which takes
/// many writers, each change is a transaction of its own.
/// </summary>
/// <remarks>
/// A change may query and run set-based updates inside its transaction, and sees what earlier changes of its group
/// wrote; it starts on a context that tracks nothing, and what it adds or attaches is saved when it returns. The
/// token it is given is the writer's, never the caller's, and the writer does not cancel it: a change once queued runs
/// to its commit even if its caller stops waiting (a stored message must reach its lane, a sent reply must be
/// recorded), and disposing the writer commits what is still queued.
/// </remarks>
public sealed class DatabaseWriter : IAsyncDisposable
{
    private const int MaxGroup = 256;

    private readonly IDbContextFactory<TamkeenDb> _dbFactory;
    private readonly Channel<PendingWrite> _queue =
        Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    // Never cancelled: a queued change is committed (see the remarks).
    private readonly CancellationToken _writerToken = CancellationToken.None;
    private readonly Task _loop;
    private TamkeenDb? _db;
    private bool _isSqlite;

    public DatabaseWriter(IDbContextFactory<TamkeenDb> dbFactory)
    {
        _dbFactory = dbFactory;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Completes once the change is committed; faults with its own error, or the database's, if it was not.</summary>
    /// <param name="cancellationToken">Stops only the waiting: once queued, the change is committed all the same.</param>
    /// <param name="committed">
    /// Run by the writer itself right after the commit, before any later change's: what must happen in commit order,
    /// such as a stored input joining its lane. Awaiting the returned task cannot promise that, since the callers of
    /// one group commit resume in parallel. It must be quick and must not throw.
    /// </param>
    public Task WriteAsync(Func<TamkeenDb, CancellationToken, Task> change, Action? committed, CancellationToken cancellationToken) =>
        Enqueue(new PendingWrite(change, AddsOnly: false, committed), cancellationToken);

    /// <inheritdoc cref="WriteAsync(Func{TamkeenDb, CancellationToken, Task}, Action?, CancellationToken)"/>
    public Task WriteAsync(Func<TamkeenDb, CancellationToken, Task> change, CancellationToken cancellationToken = default) =>
        WriteAsync(change, null, cancellationToken);

    /// <summary>A change that only adds or attaches entities (it runs no query).</summary>
    /// <remarks>
    /// It may be saved together with the other such changes queued next to it; if that save fails they run again one
    /// by one, so it may run twice, and should create the entities it adds rather than reuse those of an earlier run.
    /// </remarks>
    /// <inheritdoc cref="WriteAsync(Func{TamkeenDb, CancellationToken, Task}, Action?, CancellationToken)"/>
    public Task WriteAsync(Action<TamkeenDb> change, CancellationToken cancellationToken = default) => WriteAsync(change, null, cancellationToken);

    /// <inheritdoc cref="WriteAsync(Action{TamkeenDb}, CancellationToken)"/>
    public Task WriteAsync(Action<TamkeenDb> change, Action? committed, CancellationToken cancellationToken) =>
        Enqueue(new PendingWrite((db, _) =>
        {
            change(db);
            return Task.CompletedTask;
        }, AddsOnly: true, committed), cancellationToken);

    /// <summary>
    /// An adds-only change committed at once: ahead of the changes queued with it, in a small transaction of its own,
    /// right after the one under way. For what a crash must not lose the moment it happened: that a reply was sent
    /// (the window in which a crash sends it twice), or is being sent.
    /// </summary>
    /// <inheritdoc cref="WriteAsync(Action{TamkeenDb}, CancellationToken)"/>
    public Task WriteAtOnceAsync(Action<TamkeenDb> change, CancellationToken cancellationToken) =>
        Enqueue(new PendingWrite((db, _) =>
        {
            change(db);
            return Task.CompletedTask;
        }, AddsOnly: true, AfterCommit: null, AtOnce: true), cancellationToken);

    private Task Enqueue(PendingWrite write, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(!_queue.Writer.TryWrite(write), this);
        return write.Committed.Task.WaitAsync(cancellationToken);
    }

    private async Task RunAsync()
    {
        var queued = new List<PendingWrite>(MaxGroup);
        var group = new List<PendingWrite>(MaxGroup);
        while (await _queue.Reader.WaitToReadAsync())
        {
            queued.Clear();
            while (queued.Count < MaxGroup && _queue.Reader.TryRead(out var write)) queued.Add(write);
            try
            {
                var db = await ContextAsync();
                if (!queued.Exists(w => w.AtOnce)) await CommitAsync(db, queued);
                else
                {
                    await CommitAsync(db, Partition(queued, group, atOnce: true));
                    await CommitAsync(db, Partition(queued, group, atOnce: false));
                }
            }
            catch (Exception e)
            {
                foreach (var write in queued) write.Committed.TrySetException(e);
                // The file failed, not a change: the next group starts on a new connection.
                await CloseContextAsync();
            }
        }
        await CloseContextAsync();
    }

    /// <summary>
    /// One context for all the writer's changes, its connection kept open: the prepared statements of
    /// <see cref="TamkeenDb.Rows"/> live as long as the connection, and a pooled SQLite connection opened per group
    /// would prepare them, and run the connection's pragmas, again each time.
    /// </summary>
    private async Task<TamkeenDb> ContextAsync()
    {
        if (_db is not null) return _db;
        var db = await _dbFactory.CreateDbContextAsync(_writerToken);
        // Our transactions and savepoints cover each save; EF's own savepoint would cost two statements more.
        db.Database.AutoSavepointsEnabled = false;
        await db.Database.OpenConnectionAsync(_writerToken);
        db.WriterStatements = new RowStatements(db);
        _isSqlite = db.Database.IsSqlite();
        return _db = db;
    }

    private async Task CloseContextAsync()
    {
        if (_db is not { } db) return;
        _db = null;
        try
        {
            db.WriterStatements!.Dispose();
            db.WriterStatements = null;
            await db.Database.CloseConnectionAsync();
            await db.DisposeAsync();
        }
        catch (Exception)
        {
            // Closing a connection whose file failed may fail too; the next group opens another.
        }
    }

    private static List<PendingWrite> Partition(List<PendingWrite> queued, List<PendingWrite> group, bool atOnce)
    {
        group.Clear();
        foreach (var write in queued) if (write.AtOnce == atOnce) group.Add(write);
        return group;
    }

    private async Task CommitAsync(TamkeenDb db, List<PendingWrite> group)
    {
        if (group.Count == 0) return;
        if (group.Count == 1 || !_isSqlite)
        {
            foreach (var write in group) await CommitAloneAsync(db, write);
        }
        else await CommitGroupAsync(db, group);
    }

    /// <summary>One change, one transaction, so no savepoint: a failure concerns only this caller.</summary>
    private async Task CommitAloneAsync(TamkeenDb db, PendingWrite write)
    {
        try
        {
            // A transaction even for adds-only changes: what they write through db.Rows runs at once, before SaveChanges.
            await using var transaction = await db.Database.BeginTransactionAsync(_writerToken);
            await write.Change(db, _writerToken);
            await db.SaveChangesAsync(_writerToken);
            await transaction.CommitAsync(_writerToken);
        }
        catch (Exception e)
        {
            write.Committed.TrySetException(e);
            return;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
        write.Succeed();
    }

    private async Task CommitGroupAsync(TamkeenDb db, List<PendingWrite> group)
    {
        // Callers hear only after the commit, refused ones too: a change refused as a duplicate of one saved earlier
        // in the group must find that row when its caller reads it back.
        var refusals = new Exception?[group.Count];
        try
        {
            await using var transaction = new GroupTransaction(db, _writerToken);
            for (var start = 0; start < group.Count;)
            {
                var end = start + 1;
                while (end < group.Count && group[start].AddsOnly && group[end].AddsOnly) end++;
                await SaveAsync(db, transaction, group, start, end, refusals);
                start = end;
            }
            await transaction.CommitAsync();
        }
        catch (Exception e)
        {
            // A failing commit (or savepoint) is not about one change: constraints are checked statement by
            // statement, inside each change's savepoint. It is the file: full, failing or locked by another process.
            // Retrying each change alone would repeat that failure up to MaxGroup times, each perhaps waiting out the
            // busy timeout while every other writer waits behind it; so the whole group fails, refused changes too
            // (what refused them was not committed either), and callers handle it as any failed write (a channel
            // delivers the message again, a lane retries).
            foreach (var write in group) write.Committed.TrySetException(e);
            return;
        }
        for (var i = 0; i < group.Count; i++)
        {
            if (refusals[i] is { } refusal) group[i].Committed.TrySetException(refusal);
            else group[i].Succeed();
        }
    }

    /// <summary>
    /// Saves the changes from <paramref name="start"/> to before <paramref name="end"/>: a change that may query alone;
    /// adds-only changes next to each other with one SaveChanges, as one SaveChanges per change would cost the writer a
    /// sixth more time. Should those fail together, they are undone and run again one by one, so that only the refused
    /// one fails.
    /// </summary>
    private async Task SaveAsync(TamkeenDb db, GroupTransaction transaction, List<PendingWrite> group, int start, int end,
        Exception?[] refusals)
    {
        var refusal = await transaction.SaveAsync(() => RunAsync(db, group, start, end));
        if (refusal is null) return;
        if (end - start == 1) refusals[start] = refusal;
        else for (var i = start; i < end; i++) refusals[i] = await transaction.SaveAsync(() => RunAsync(db, group, i, i + 1));
    }

    private async Task RunAsync(TamkeenDb db, List<PendingWrite> group, int start, int end)
    {
        for (var i = start; i < end; i++) await group[i].Change(db, _writerToken);
        await db.SaveChangesAsync(_writerToken);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }

    /// <param name="AddsOnly">Runs no query, so it can be saved with its neighbours and run again.</param>
    /// <param name="AtOnce">Committed ahead of the other changes queued with it, in a transaction of its own.</param>
    private sealed record PendingWrite(Func<TamkeenDb, CancellationToken, Task> Change, bool AddsOnly, Action? AfterCommit, bool AtOnce = false)
    {
        public TaskCompletionSource Committed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Succeed()
        {
            AfterCommit?.Invoke();
            Committed.TrySetResult();
        }
    }
}
