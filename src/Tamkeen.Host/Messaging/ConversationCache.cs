using Microsoft.Extensions.Caching.Memory;
using Tamkeen.Core.Conversations;

namespace Tamkeen.Host.Messaging;

/// <summary>
/// Conversations as this process last committed them, so a person's next input needs no read. Only a copy: the database
/// stays the record, and the conversation's version check makes a write from an outdated copy fail, after which it is
/// read again. An entry is taken out while its input runs, so a failed step leaves nothing behind.
/// </summary>
public sealed class ConversationCache : IDisposable
{
    private static readonly MemoryCacheEntryOptions Entry = new() { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(30) };

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 10_000 });

    /// <returns>The conversation committed last, or null when it must be read.</returns>
    public Conversation? Take(long beneficiaryId)
    {
        if (!_cache.TryGetValue(beneficiaryId, out Conversation? conversation)) return null;
        _cache.Remove(beneficiaryId);
        return conversation;
    }

    /// <summary>After the commit of a step: the conversation as it now stands in the database.</summary>
    public void Committed(Conversation conversation) => _cache.Set(conversation.BeneficiaryId, conversation, Entry);

    /// <summary>The stored conversation was changed by something other than a step (two records of a person joined).</summary>
    public void Forget(long beneficiaryId) => _cache.Remove(beneficiaryId);

    public void Dispose() => _cache.Dispose();
}
