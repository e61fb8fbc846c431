namespace Tamkeen.Host.Messaging;

/// <summary>What a channel knows of an attempt that a crash cut off.</summary>
public abstract record InterruptedSend
{
    /// <summary>The channel has the message: recorded as sent, not sent again.</summary>
    public sealed record Arrived(SendOutcome.Sent Sent) : InterruptedSend;

    /// <summary>The channel never got it: sent as any pending row is.</summary>
    public sealed record NeverArrived : InterruptedSend;

    /// <summary>The channel cannot tell (Telegram has no idempotency key): sent again, but never a third time.</summary>
    public sealed record Unknown : InterruptedSend;

    /// <summary>Asking the channel failed: asked again at the next retry, and not sent meanwhile.</summary>
    public sealed record NotKnownYet(string Error) : InterruptedSend;
}
