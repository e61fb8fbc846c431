using Microsoft.EntityFrameworkCore;

namespace Tamkeen.Host.Data;

/// <summary>
/// Copies SQLite's write-ahead log into the database file every <see cref="Every"/>, on a connection of its own, so
/// that the writer does not. SQLite's own checkpoint runs inside the commit that takes the log past 1,000 pages: under
/// load that was every ~50 ms, each time copying the same hot pages again, syncing the files twice, and holding up
/// every change queued behind it (README, Speed). The writer still checkpoints past <see cref="SqlitePragmas.WriterCheckpointPages"/>:
/// under steady load this one never finds the log still, so the log starts over only after the writer's checkpoint,
/// which then has little left to copy.
/// </summary>
public sealed class WalCheckpointer(IDbContextFactory<TamkeenDb> dbFactory, TimeProvider time, ILogger<WalCheckpointer> logger)
    : BackgroundService
{
    public static readonly TimeSpan Every = TimeSpan.FromMilliseconds(200);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every, time);
        TamkeenDb? db = null;
        var failing = false;
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    // Kept open across ticks: a context and a connection taken from the pool at every tick made the test
                    // suite take more than twice as long (3.6 -> 8.3 min, 4.4 -> 11.6 min of CPU).
                    db ??= await OpenAsync(stoppingToken);
                    if (!db.Database.IsSqlite()) return;
                    // PASSIVE: copies what no reader still needs, and waits for no one.
                    await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(PASSIVE);", stoppingToken);
                    failing = false;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // Once per run of failures, not five times a second; the writer's own checkpoint still bounds the log.
                    if (!failing) logger.LogWarning(e, "Copying the database log into the database file failed; trying again every {Every}", Every);
                    failing = true;
                    if (db is not null) await db.DisposeAsync();
                    db = null;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            if (db is not null) await db.DisposeAsync();
        }
    }

    private async Task<TamkeenDb> OpenAsync(CancellationToken cancellationToken)
    {
        var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        return db;
    }
}
