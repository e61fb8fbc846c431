using Tamkeen.Core.Conversations;

namespace Tamkeen.Host.Messaging.Timers;

/// <summary>
/// Something that must happen at a time: one row per subject and kind, so scheduling again moves the time instead of
/// adding a second timer. The scheduler hands it to the handler of its kind once <see cref="DueAt"/> has passed.
/// </summary>
public sealed class DueTimer
{
    public const int SubjectMaxLength = 80;
    public const int PayloadMaxLength = 400;

    public long Id { get; set; }

    /// <summary>What the timer is about: "beneficiary/12", "request/TMK-2611-00021".</summary>
    public required string Subject { get; set; }

    public TimerKind Kind { get; set; }
    public DateTimeOffset DueAt { get; set; }

    /// <summary>The lane a conversation timer fires into; null for a staff-side timer.</summary>
    public long? BeneficiaryId { get; set; }

    /// <summary>A few words the handler needs besides the subject; null when none.</summary>
    public string? Payload { get; set; }
}
