namespace Tamkeen.Core.Conversations;

/// <summary>What a due timer is for; at most one timer of each kind per subject.</summary>
public enum TimerKind
{
    /// <summary>A beneficiary's conversation has been silent for the idle timeout.</summary>
    Idle,

    /// <summary>Information staff asked for has not come: remind the beneficiary.</summary>
    InformationReminder,

    /// <summary>Information staff asked for still has not come after the reminder.</summary>
    InformationQuiet,

    /// <summary>A request reached its one-week promise without a decision (staff side).</summary>
    RequestOverdue,
}
