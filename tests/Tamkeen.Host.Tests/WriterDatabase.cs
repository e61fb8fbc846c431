using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Tamkeen.Host.Data;

namespace Tamkeen.Host.Tests;

/// <summary>A <see cref="DatabaseWriter"/> alone on a fresh SQLite file, counting the transactions it commits.</summary>
public sealed class WriterDatabase : IAsyncDisposable
{
    private readonly PooledDbContextFactory<TamkeenDb> _dbFactory;
    private readonly CommitCounter _commits;

    public DatabaseWriter Writer { get; }
    public IDbContextFactory<TamkeenDb> Factory => _dbFactory;
    public int TransactionsCommitted => _commits.Count;

    /// <summary>The SQLite file.</summary>
    public string File { get; }

    private WriterDatabase(string file, PooledDbContextFactory<TamkeenDb> dbFactory, CommitCounter commits)
    {
        File = file;
        _dbFactory = dbFactory;
        _commits = commits;
        Writer = new DatabaseWriter(dbFactory);
    }

    public static async Task<WriterDatabase> CreateAsync()
    {
        var file = RunningService.NewDatabaseFile();
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var commits = new CommitCounter();
        var options = new DbContextOptionsBuilder<TamkeenDb>()
            .UseSqlite($"Data Source={file}")
            .AddInterceptors(new SqlitePragmas(), commits)
            .Options;
        var dbFactory = new PooledDbContextFactory<TamkeenDb>(options);
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            await db.Database.MigrateAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }
        return new WriterDatabase(file, dbFactory, commits);
    }

    public TamkeenDb Open() => _dbFactory.CreateDbContext();

    /// <summary>Keeps the writer busy with a change of its own until released, so that what is written meanwhile queues up into one group.</summary>
    public async Task<Hold> HoldAsync()
    {
        var running = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var held = Writer.WriteAsync(async (_, _) =>
        {
            running.SetResult();
            await release.Task;
        });
        await running.Task;
        return new Hold(release, held);
    }

    public ValueTask DisposeAsync() => Writer.DisposeAsync();

    public sealed class Hold(TaskCompletionSource release, Task held)
    {
        public Task ReleaseAsync()
        {
            release.SetResult();
            return held;
        }
    }

    private sealed class CommitCounter : DbTransactionInterceptor
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
            Interlocked.Increment(ref _count);

        public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return Task.CompletedTask;
        }
    }
}
