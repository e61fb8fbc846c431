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
    : IHostedService, IDisposable
{
    public static readonly TimeSpan Every = TimeSpan.FromMilliseconds(200);

    private readonly CancellationTokenSource _stopping = new();
    private Task _loop = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _loop = Task.Run(() => RunAsync(_stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _loop.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task RunAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(Every, time);
        TamkeenDb? db = null;
        try
        {
            while (await timer.WaitForNextTickAsync(stopping))
            {
                try
                {
                    db ??= await OpenAsync(stopping);
                    // PASSIVE: copies what no reader still needs, and waits for no one.
                    await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(PASSIVE);", stopping);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Copying the database log into the database file failed; trying again in {Every}", Every);
                    if (db is not null) await db.DisposeAsync();
                    db = null;
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
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

    public void Dispose() => _stopping.Dispose();
}
