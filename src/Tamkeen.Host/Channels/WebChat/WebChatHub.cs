using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Tamkeen.Host.Channels.WebChat;

/// <summary>Open browser tabs per chat session; the web chat sender pushes replies to them.</summary>
public sealed class WebChatHub
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Guid, Channel<WebChatLine>>> _sessions = new();

    public Subscription Subscribe(string sessionId)
    {
        var tabs = _sessions.GetOrAdd(sessionId, _ => new());
        var id = Guid.NewGuid();
        var channel = Channel.CreateBounded<WebChatLine>(new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.DropOldest });
        tabs[id] = channel;
        return new Subscription(channel.Reader, () =>
        {
            tabs.TryRemove(id, out _);
            if (tabs.IsEmpty) _sessions.TryRemove(KeyValuePair.Create(sessionId, tabs));
        });
    }

    public void Publish(string sessionId, WebChatLine line)
    {
        if (!_sessions.TryGetValue(sessionId, out var tabs)) return;
        foreach (var tab in tabs.Values) tab.Writer.TryWrite(line);
    }

    public sealed class Subscription(ChannelReader<WebChatLine> reader, Action unsubscribe) : IDisposable
    {
        public ChannelReader<WebChatLine> Reader { get; } = reader;
        public void Dispose() => unsubscribe();
    }
}
