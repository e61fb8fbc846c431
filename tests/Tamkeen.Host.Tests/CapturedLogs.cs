using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Tamkeen.Host.Tests;

/// <summary>Every log entry the service writes (at the levels its settings let through), for tests to read.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyCollection<LogEntry> Entries => _entries;
    public IEnumerable<string> Lines => _entries.Select(e => e.Message);
    public IEnumerable<string> Errors => _entries.Where(e => e.Level >= LogLevel.Error).Select(e => e.Message);

    public void Register(IServiceCollection services) => services.AddSingleton<ILoggerProvider>(this);

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void Dispose() { }

    private sealed class Logger(string category, ConcurrentQueue<LogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var properties = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
            var template = properties.FirstOrDefault(p => p.Key == "{OriginalFormat}").Value as string;
            entries.Enqueue(new LogEntry(logLevel, category, formatter(state, exception), template, exception));
        }
    }
}

/// <summary>One log entry; <see cref="Template"/> is null when it was not written with a message template.</summary>
public sealed record LogEntry(LogLevel Level, string Category, string Message, string? Template, Exception? Exception);
