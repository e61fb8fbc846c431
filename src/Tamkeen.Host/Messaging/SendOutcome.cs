namespace Tamkeen.Host.Messaging;

/// <summary>What a channel said to one send. A sender throwing is read as <see cref="Transient"/>.</summary>
public abstract record SendOutcome
{
    /// <param name="ProviderMessageId">The channel's id for the message (Telegram message id, Twilio MessageSid).</param>
    /// <param name="Route">How it went when not the plain way, e.g. "whatsapp-template" or "sms-fallback"; recorded on the row.</param>
    /// <param name="Segments">SMS segments billed for this message.</param>
    public sealed record Sent(string? ProviderMessageId, string? Route = null, int? Segments = null) : SendOutcome;

    /// <summary>Worth trying again (429, 5xx, timeout); <paramref name="RetryAfter"/> is the channel's own wait when it gave one.</summary>
    public sealed record Transient(string Error, TimeSpan? RetryAfter = null) : SendOutcome;

    /// <summary>Will never succeed (bad number, bot blocked); <paramref name="Unreachable"/> marks the person unreachable on this channel.</summary>
    public sealed record Permanent(string Error, bool Unreachable = false) : SendOutcome;
}
