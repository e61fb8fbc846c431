using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Tamkeen.Host.Settings;

namespace Tamkeen.Host.Channels.WebChat;

/// <summary>
/// How fast the website chat takes messages and hands out sessions. A session sends a burst, then at a steady rate. A
/// request without a session would start one (each a new conversation once it writes), so those are counted per network
/// address, reads and messages apart: the page reads its history first, so a person's first message comes with a
/// session and only clients that skip the page are held to it. What is refused is not stored; the page keeps the
/// message, tells the person, and sends it again after Retry-After.
/// </summary>
public static class WebChatRateLimits
{
    public const string Messages = "web-chat-messages";
    public const string Reads = "web-chat-reads";

    public static void AddWebChatRateLimits(this IServiceCollection services) => services.AddRateLimiter(limits =>
    {
        limits.AddPolicy(Messages, http => Existing(http) is { } session
            ? RateLimitPartition.GetTokenBucketLimiter(session, _ => Bucket(Options(http).MessagesBurst, Options(http).MessagesPerMinute))
            : NewSession(http));
        limits.AddPolicy(Reads, http => Existing(http) is not null ? RateLimitPartition.GetNoLimiter("") : NewSession(http));
        limits.OnRejected = async (context, _) =>
        {
            var http = context.HttpContext;
            var busy = WebChatEndpoints.Busy(http);
            if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait))
                http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            await busy.ExecuteAsync(http);
        };
    });

    private static RateLimitPartition<string> NewSession(HttpContext http) =>
        RateLimitPartition.GetTokenBucketLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "",
            _ => Bucket(Options(http).NewSessionsPerMinute, Options(http).NewSessionsPerMinute));

    private static string? Existing(HttpContext http) => http.RequestServices.GetRequiredService<WebChatSession>().Existing(http);

    private static WebChatOptions Options(HttpContext http) => http.RequestServices.GetRequiredService<IOptions<WebChatOptions>>().Value;

    private static TokenBucketRateLimiterOptions Bucket(int burst, int perMinute) => new()
    {
        TokenLimit = burst,
        TokensPerPeriod = 1,
        ReplenishmentPeriod = TimeSpan.FromMinutes(1) / perMinute,
        QueueLimit = 0,
    };
}
