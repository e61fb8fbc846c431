namespace Tamkeen.Host.Channels.Telegram;

/// <summary>Waits that double after each failure in a row, up to a ceiling.</summary>
internal static class RetryDelay
{
    public static TimeSpan After(int failures, TimeSpan first, TimeSpan longest) =>
        TimeSpan.FromTicks(Math.Min(longest.Ticks, first.Ticks << Math.Clamp(failures - 1, 0, 16)));
}
