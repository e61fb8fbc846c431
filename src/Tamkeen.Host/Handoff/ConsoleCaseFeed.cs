using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Tamkeen.Host.Handoff;

/// <summary>What an open queue page hears of a case: its reference, the step and the status after it.</summary>
public sealed record CaseChange(string Reference, string Kind, string Status, Guid Key);

/// <summary>
/// The console's live queue: every announced entry goes to each open <c>/staff/cases/events</c> stream. A page that is
/// not listening misses nothing it needs, as it reads the queue afresh on each change and on reconnecting.
/// </summary>
public sealed class ConsoleCaseFeed : ICaseAlerter
{
    private readonly ConcurrentDictionary<Guid, Channel<CaseChange>> _listeners = new();

    public Task AnnounceAsync(StaffCase staffCase, CaseEntry entry, CancellationToken cancellationToken)
    {
        var change = new CaseChange(staffCase.Reference, entry.Kind.ToString(), staffCase.Status.ToString(), entry.NoticeKey);
        foreach (var listener in _listeners.Values) listener.Writer.TryWrite(change);
        return Task.CompletedTask;
    }

    public Listener Listen()
    {
        var id = Guid.NewGuid();
        var channel = Channel.CreateBounded<CaseChange>(new BoundedChannelOptions(64) { FullMode = BoundedChannelFullMode.DropOldest });
        _listeners[id] = channel;
        return new Listener(channel.Reader, () => _listeners.TryRemove(id, out _));
    }

    public sealed class Listener(ChannelReader<CaseChange> reader, Action stop) : IDisposable
    {
        public ChannelReader<CaseChange> Reader { get; } = reader;
        public void Dispose() => stop();
    }
}
