namespace Tamkeen.Host.Messaging;

public enum IntakeStatus
{
    /// <summary>Stored and queued for its beneficiary's lane.</summary>
    Accepted,
    /// <summary>The channel delivered this message before; acknowledge and drop it.</summary>
    Duplicate,
    /// <summary>Nothing to read (empty or control characters only); not stored.</summary>
    Ignored,
}

/// <param name="Processed">Completes once the conversation's reply to this message is stored.</param>
public sealed record IntakeResult(IntakeStatus Status, long? InboxId, Task Processed)
{
    public static IntakeResult Ignored { get; } = new(IntakeStatus.Ignored, null, Task.CompletedTask);
}
