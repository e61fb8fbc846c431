using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tamkeen.Host.Settings;

namespace Tamkeen.Host.Data;

/// <summary>Creates and migrates the database before any worker starts.</summary>
public sealed class DatabaseMigrator(IDbContextFactory<TamkeenDb> dbFactory, IOptions<DatabaseOptions> options, ILogger<DatabaseMigrator> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var file = Path.GetFullPath(options.Value.DataSource);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // Migrate first compares the model with the migrations' snapshot, building both: ~10 MB held for as long as the
        // service runs, for nothing on a restart. Most tests start on a fresh file, so the comparison still runs there.
        if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
            await db.Database.MigrateAsync(cancellationToken);
        // WAL lets the chat history and health check read while a lane writes; the mode is stored in the file.
        if (db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        logger.LogInformation("Database ready at {DatabaseFile}", file);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
