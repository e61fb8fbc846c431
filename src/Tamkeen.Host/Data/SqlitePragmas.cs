using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Tamkeen.Host.Data;

/// <summary>
/// In WAL mode, synchronous=NORMAL keeps every commit safe when the process crashes (the WAL is written before the
/// commit returns) and skips the fsync per commit, which otherwise caps us at a few hundred commits a second.
/// Only a power loss or OS crash can drop the last commits.
/// temp_store=MEMORY keeps the journal of a savepoint in memory: past 64 KiB SQLite moves it to a temporary file,
/// which cost the writer's group commit (one savepoint around many changes) a quarter of its time.
/// wal_autocheckpoint: the log is copied into the database file by <see cref="WalCheckpointer"/>, not by the commit
/// that fills it past SQLite's default of 1,000 pages; the writer does it only past <see cref="WriterCheckpointPages"/>.
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    /// <summary>40 MB of log at 4 KiB a page: half a second of the harness's heaviest load (~7 pages an update, ~3,000 updates/s).</summary>
    public const int WriterCheckpointPages = 10_000;

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA synchronous=NORMAL; PRAGMA temp_store=MEMORY; PRAGMA wal_autocheckpoint={WriterCheckpointPages};";
        command.ExecuteNonQuery();
    }
}
