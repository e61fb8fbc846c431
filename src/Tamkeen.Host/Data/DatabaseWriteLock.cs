namespace Tamkeen.Host.Data;

/// <summary>
/// SQLite allows one writer at a time and its client waits for a busy file by sleeping 150 ms between tries.
/// Queueing our own writers here instead keeps reply latency in milliseconds.
/// </summary>
public sealed class DatabaseWriteLock : IDisposable
{
    private readonly SemaphoreSlim _semaphore = new(1, 1);

    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await _semaphore.WaitAsync(cancellationToken);
        return new Releaser(_semaphore);
    }

    public void Dispose() => _semaphore.Dispose();

    private sealed class Releaser(SemaphoreSlim semaphore) : IDisposable
    {
        private int _released;
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) semaphore.Release();
        }
    }
}
