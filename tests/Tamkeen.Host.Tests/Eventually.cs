using Tamkeen.Host.Data;

namespace Tamkeen.Host.Tests;

/// <summary>
/// Waits (bounded, in real time) for what the service does in the background once a fake clock has moved: the clock is
/// moved by the test, only the work that follows takes real time.
/// </summary>
public static class Eventually
{
    private const string SomeState = "the expected state";

    public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what, TimeSpan? limit = null)
    {
        var deadline = DateTime.UtcNow + (limit ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var value = await read();
            if (done(value)) return value;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Waited in vain for {what}.");
            await Task.Delay(10);
        }
    }

    public static Task UntilAsync(Func<bool> done, string what = SomeState, TimeSpan? limit = null) =>
        UntilAsync(() => Task.FromResult(done()), ready => ready, what, limit);

    public static Task UntilAsync(Func<Task<bool>> done, string what = SomeState, TimeSpan? limit = null) =>
        UntilAsync(done, ready => ready, what, limit);

    /// <summary>The first non-null answer of <paramref name="query"/>, asked of a fresh context each time.</summary>
    public static Task<T> FoundAsync<T>(RunningService service, Func<TamkeenDb, Task<T?>> query) where T : class =>
        UntilAsync<T?>(async () =>
        {
            await using var db = service.OpenDatabase();
            return await query(db);
        }, found => found is not null, "the expected database state")!;
}
