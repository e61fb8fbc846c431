using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Tamkeen.Host.Settings;

namespace Tamkeen.Host.Channels.WebChat;

/// <summary>
/// How fast the website chat takes messages: per chat session (a burst, then a steady rate), and for messages without
/// a session, which would each start a new conversation, per network address. A refused message is not stored; the
/// page keeps it, tells the person, and sends it again after Retry-After.
/// </summary>
public static class WebChatRateLimits
{
    public const string Policy = "web-chat-messages";

    public static void AddWebChatRateLimits(this IServiceCollection services) => services.AddRateLimiter(limits =>
    {
        limits.AddPolicy(Policy, http =>
        {
            var options = http.RequestServices.GetRequiredService<IOptions<WebChatOptions>>().Value;
            return http.RequestServices.GetRequiredService<WebChatSession>().Existing(http) is { } session
                ? RateLimitPartition.GetTokenBucketLimiter("session:" + session, _ => Bucket(options.MessagesBurst, options.MessagesPerMinute))
                : RateLimitPartition.GetTokenBucketLimiter("new:" + http.Connection.RemoteIpAddress,
                    _ => Bucket(options.NewSessionsPerMinute, options.NewSessionsPerMinute));
        });
        limits.OnRejected = async (context, _) =>
        {
            var http = context.HttpContext;
            var busy = WebChatEndpoints.Busy(http);
            if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait))
                http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            await busy.ExecuteAsync(http);
        };
    });

    private static TokenBucketRateLimiterOptions Bucket(int burst, int perMinute) => new()
    {
        TokenLimit = burst,
        TokensPerPeriod = 1,
        ReplenishmentPeriod = TimeSpan.FromMinutes(1) / perMinute,
        QueueLimit = 0,
    };
}
