using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Tamkeen.Host.Data;

/// <summary>
/// In WAL mode, synchronous=NORMAL keeps every commit safe when the process crashes (the WAL is written before the
/// commit returns) and skips the fsync per commit, which otherwise caps us at a few hundred commits a second.
/// Only a power loss or OS crash can drop the last commits.
/// temp_store=MEMORY keeps the journal of a savepoint in memory: past 64 KiB SQLite moves it to a temporary file,
/// which cost the writer's group commit (one savepoint around many changes) a quarter of its time.
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous=NORMAL; PRAGMA temp_store=MEMORY;";
        command.ExecuteNonQuery();
    }
}
