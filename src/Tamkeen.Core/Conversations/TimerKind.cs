namespace Tamkeen.Core.Conversations;

/// <summary>What a due time is for. Idle, the information and the poll timers fire into the person's conversation; the others are the host's.</summary>
public enum TimerKind
{
    /// <summary>The person wrote nothing for the idle timeout: the conversation starts again from the menu.</summary>
    Idle,
    /// <summary>Information was asked for a request and nothing came for days: remind the person.</summary>
    InformationReminder,
    /// <summary>The person sent information and then nothing for a while: confirm what was added.</summary>
    InformationQuiet,
    /// <summary>A poll's delay after its event has passed: the host asks the person's lane to send it.</summary>
    PollDue,
    /// <summary>A poll still unanswered: one reminder.</summary>
    PollReminder,
    /// <summary>A poll's time is up: it closes; a later answer is thanked and not counted.</summary>
    PollExpiry,
    /// <summary>A request passed its one-week promise without a decision.</summary>
    RequestOverdue,
    /// <summary>A stored event's reaction is due (at once after its commit, or again after a failure).</summary>
    Reaction,
    /// <summary>A step of a staff case is to be announced to the staff group, the console and the webhook.</summary>
    CaseNotice,
    /// <summary>A case still unclaimed after Handoff:UnclaimedAfter of working time.</summary>
    CaseUnclaimed,
    /// <summary>A case still without a staff reply after Handoff:UnansweredAfter of working time.</summary>
    CaseUnanswered,
}

/// <summary>Set (<paramref name="DueAt"/> given) or cancel (null) one of the person's timers.</summary>
public sealed record TimerChange(TimerKind Kind, DateTimeOffset? DueAt);
