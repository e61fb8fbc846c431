using Tamkeen.Host.Settings;

namespace Tamkeen.Host.Messaging;

/// <summary>
/// When to try a failed send again: exponential backoff with jitter (a random half to all of the step, so that many
/// chats failing together do not all come back at once), or the channel's own Retry-After when it gave a longer one.
/// </summary>
/// <remarks>
/// The schedule is stored on the outbox row rather than kept by an in-memory retry policy (Polly), so a restart keeps it
/// and other chats go on meanwhile.
/// </remarks>
public static class RetrySchedule
{
    public static TimeSpan Delay(DispatchOptions options, int attempts, TimeSpan? retryAfter, Random random)
    {
        var step = options.RetryBaseDelay * Math.Pow(2, Math.Min(attempts - 1, 30));
        if (step > options.RetryMaxDelay) step = options.RetryMaxDelay;
        var jittered = step * (0.5 + random.NextDouble() / 2);
        return retryAfter is { } wait && wait > jittered ? wait : jittered;
    }
}
