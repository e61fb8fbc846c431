using Tamkeen.Host.Data;

namespace Tamkeen.Host.Tests;

/// <summary>Waits (bounded, about 20 s) for a state the service reaches on its own.</summary>
public static class Eventually
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static Task UntilAsync(Func<bool> condition) => UntilAsync(() => Task.FromResult(condition()));

    public static async Task UntilAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 2000; i++)
        {
            if (await condition()) return;
            await Task.Delay(10, Ct);
        }
        throw new TimeoutException("The expected state was not reached.");
    }

    /// <summary>The first non-null answer of <paramref name="query"/>, asked of a fresh context each time.</summary>
    public static async Task<T> FoundAsync<T>(RunningService service, Func<TamkeenDb, Task<T?>> query) where T : class
    {
        for (var i = 0; i < 2000; i++)
        {
            await using var db = service.OpenDatabase();
            if (await query(db) is { } found) return found;
            await Task.Delay(10, Ct);
        }
        throw new TimeoutException("The expected database state was not reached.");
    }
}
