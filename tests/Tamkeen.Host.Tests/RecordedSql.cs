using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Tamkeen.Host.Tests;

/// <summary>Every SQL command the service's contexts run, in order, for tests that count what one reply costs.</summary>
public sealed class RecordedSql : DbCommandInterceptor
{
    private readonly ConcurrentQueue<string> _commands = new();
    private long _lastAt = Environment.TickCount64;

    public IReadOnlyList<string> Commands => [.. _commands];

    public void Clear() => _commands.Clear();

    /// <summary>Waits (real time, bounded) until one command matches, then until none has run for <paramref name="quiet"/>.</summary>
    /// <remarks>Real time, not a TimeProvider's: this waits for work in flight to finish, not for a timer.</remarks>
    public Task WaitForAsync(Func<string, bool> match, TimeSpan quiet) =>
        WaitAsync(() => _commands.Any(match) && QuietSince(Interlocked.Read(ref _lastAt), quiet), "The expected SQL command did not run.");

    /// <summary>Waits (real time, bounded) until no command has run for <paramref name="quiet"/>: none may run at all.</summary>
    public Task WaitForQuietAsync(TimeSpan quiet)
    {
        var since = Environment.TickCount64;
        return WaitAsync(() => QuietSince(Math.Max(since, Interlocked.Read(ref _lastAt)), quiet), "SQL commands kept running.");
    }

    private static bool QuietSince(long tick, TimeSpan quiet) => Environment.TickCount64 - tick >= quiet.TotalMilliseconds;

    private static async Task WaitAsync(Func<bool> done, string failure)
    {
        var deadline = Environment.TickCount64 + 30_000;
        while (!done())
        {
            if (Environment.TickCount64 > deadline) throw new TimeoutException(failure);
            await Task.Delay(20);
        }
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
        Record(command, result);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) => ValueTask.FromResult(Record(command, result));

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) =>
        Record(command, result);

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default) => ValueTask.FromResult(Record(command, result));

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result) =>
        Record(command, result);

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default) => ValueTask.FromResult(Record(command, result));

    private T Record<T>(DbCommand command, T result)
    {
        _commands.Enqueue(command.CommandText);
        Interlocked.Exchange(ref _lastAt, Environment.TickCount64);
        return result;
    }
}
