namespace Tamkeen.Host.Handoff.Telegram;

/// <summary>
/// A staff update (a press, a message in the staff group, a /link) stored before Telegram is acknowledged, so a crash
/// after the acknowledgement cannot lose it; unique on <see cref="UpdateId"/>, so a redelivery is dropped.
/// </summary>
public sealed class StaffTelegramUpdate
{
    public long Id { get; set; }
    public long UpdateId { get; set; }

    /// <summary>The update as the Bot API sent it.</summary>
    public required string Json { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }
    public DateTimeOffset? ProcessedAt { get; set; }
}
