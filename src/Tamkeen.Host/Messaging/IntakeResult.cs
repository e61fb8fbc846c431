namespace Tamkeen.Host.Messaging;

public enum IntakeStatus
{
    /// <summary>Stored and queued for its beneficiary's lane.</summary>
    Accepted,
    /// <summary>The channel delivered this message before; acknowledge and drop it.</summary>
    Duplicate,
    /// <summary>Nothing to read (empty or control characters only); not stored.</summary>
    Ignored,
    /// <summary>
    /// Not stored: the lanes are full, or this person already has many messages waiting. The channel is asked to send
    /// it again later (Telegram redelivers, the website chat's page sends it again).
    /// </summary>
    Busy,
}

/// <param name="Processed">Completes once the conversation's reply to this message is stored.</param>
public sealed record IntakeResult(IntakeStatus Status, long? InboxId, Task Processed)
{
    public static IntakeResult Ignored { get; } = new(IntakeStatus.Ignored, null, Task.CompletedTask);
    public static IntakeResult Busy { get; } = new(IntakeStatus.Busy, null, Task.CompletedTask);
}
