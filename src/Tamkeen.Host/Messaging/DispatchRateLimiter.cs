using System.Threading.RateLimiting;
using Tamkeen.Host.Settings;

namespace Tamkeen.Host.Messaging;

/// <summary>
/// A channel's send rate: a sliding one-second window per recipient (Telegram: one a second to one chat) chained before one for the
/// whole channel (Telegram: 30 a second; Twilio: per sending number). Waiting for a chat's token never holds a token of
/// the channel's, so a busy chat does not slow the others.
/// </summary>
/// <remarks>
/// System.Threading.RateLimiting measures time with Stopwatch, not TimeProvider (dotnet/runtime#106447), so these limits
/// run on the real clock even when a test fakes the time.
/// </remarks>
public static class DispatchRateLimiter
{
    public static PartitionedRateLimiter<string> Create(ChannelRateLimit limit)
    {
        var channel = PartitionedRateLimiter.Create<string, string>(_ => Window("channel", limit.PerSecond));
        if (limit.PerRecipientPerSecond == 0) return channel;
        var recipient = PartitionedRateLimiter.Create<string, string>(address => Window(address, limit.PerRecipientPerSecond));
        return PartitionedRateLimiter.CreateChained(recipient, channel);
    }

    /// <summary>The staff group's own limit, taken after the channel's per-chat and per-second ones.</summary>
    public static RateLimiter ForStaffGroup(StaffGroupRateLimit limit) => new SlidingWindowRateLimiter(new SlidingWindowRateLimiterOptions
    {
        PermitLimit = limit.Permits,
        Window = limit.Window,
        SegmentsPerWindow = 12,
        QueueLimit = int.MaxValue,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });

    /// <summary>
    /// A sliding window rather than a token bucket: a full bucket would let a burst of twice the limit through within one
    /// second (the stored tokens plus the refill), and "30 a second" is the rule Telegram enforces.
    /// </summary>
    private static RateLimitPartition<string> Window(string key, int perSecond) =>
        RateLimitPartition.GetSlidingWindowLimiter(key, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = perSecond,
            Window = TimeSpan.FromSeconds(1),
            SegmentsPerWindow = 10,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
}
