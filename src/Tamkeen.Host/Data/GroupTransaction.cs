using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Tamkeen.Host.Data;

/// <summary>
/// The transaction of one group commit. Each save in it can fail alone: it runs in a savepoint, undone if it fails.
/// The first save of the transaction needs none, since undoing it is rolling back the transaction and beginning
/// another; so a group whose changes are all adds-only, saved together, costs no savepoint at all.
/// </summary>
internal sealed class GroupTransaction(TamkeenDb db, CancellationToken cancellationToken) : IAsyncDisposable
{
    private IDbContextTransaction? _transaction;
    private ChangeSavepoint? _savepoint;
    private bool _holdsChanges;

    /// <returns>Null when saved; otherwise why it failed, and what it did is undone.</returns>
    public async Task<Exception?> SaveAsync(Func<Task> save)
    {
        _transaction ??= await db.Database.BeginTransactionAsync(cancellationToken);
        if (!_holdsChanges)
        {
            var failure = await TryAsync(save);
            if (failure is null) _holdsChanges = true;
            else await RollBackAsync();
            return failure;
        }
        _savepoint ??= new ChangeSavepoint(db, _transaction);
        await _savepoint.CreateAsync(cancellationToken);
        var refusal = await TryAsync(save);
        if (refusal is not null) await _savepoint.RollBackAsync(cancellationToken);
        // Released after a rollback too, so that savepoints do not pile up in a group with many refusals.
        await _savepoint.ReleaseAsync(cancellationToken);
        return refusal;
    }

    public async Task CommitAsync()
    {
        if (_transaction is not null) await _transaction.CommitAsync(cancellationToken);
    }

    private async Task<Exception?> TryAsync(Func<Task> save)
    {
        try
        {
            await save();
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private async Task RollBackAsync()
    {
        await _transaction!.RollbackAsync(cancellationToken);
        await DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_savepoint is not null) await _savepoint.DisposeAsync();
        if (_transaction is not null) await _transaction.DisposeAsync();
        _savepoint = null;
        _transaction = null;
    }
}
