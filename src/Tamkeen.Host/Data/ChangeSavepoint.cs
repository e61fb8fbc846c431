using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Tamkeen.Host.Data;

/// <summary>
/// The savepoint each change of a group runs in, as three statements prepared once for the group's transaction.
/// EF's CreateSavepoint and ReleaseSavepoint build, log and prepare a new statement on every call; in the writer that
/// cost about 30 µs per change, a fifth of the writer's time. SAVEPOINT, RELEASE SAVEPOINT and ROLLBACK TO SAVEPOINT
/// are written alike in SQLite and PostgreSQL.
/// </summary>
internal sealed class ChangeSavepoint : IAsyncDisposable
{
    private readonly DbCommand _create;
    private readonly DbCommand _release;
    private readonly DbCommand _rollBack;

    public ChangeSavepoint(TamkeenDb db, IDbContextTransaction transaction)
    {
        var connection = db.Database.GetDbConnection();
        var dbTransaction = transaction.GetDbTransaction();
        _create = Command(connection, dbTransaction, "SAVEPOINT change");
        _release = Command(connection, dbTransaction, "RELEASE SAVEPOINT change");
        _rollBack = Command(connection, dbTransaction, "ROLLBACK TO SAVEPOINT change");
    }

    public Task CreateAsync(CancellationToken cancellationToken) => _create.ExecuteNonQueryAsync(cancellationToken);

    public Task ReleaseAsync(CancellationToken cancellationToken) => _release.ExecuteNonQueryAsync(cancellationToken);

    /// <summary>Undoes what ran since <see cref="CreateAsync"/>; the savepoint stays open until released.</summary>
    public Task RollBackAsync(CancellationToken cancellationToken) => _rollBack.ExecuteNonQueryAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _create.DisposeAsync();
        await _release.DisposeAsync();
        await _rollBack.DisposeAsync();
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}
