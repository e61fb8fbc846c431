namespace Tamkeen.Host.Channels.Twilio;

/// <summary>Twilio answered 429; <see cref="RetryAfter"/> is its Retry-After when it sent one.</summary>
internal sealed class TwilioThrottledException(TimeSpan? retryAfter, string body)
    : Exception($"Twilio answered 429 Too Many Requests: {body}")
{
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
