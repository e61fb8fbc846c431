namespace Tamkeen.Core.Handoff;

/// <summary>What a staff member did on a case that the person hears about in their chat.</summary>
public enum StaffActionKind
{
    Replied,
    /// <summary>Handed back to the bot; the case stays on record as released.</summary>
    Released,
    Closed,
    Reopened,
}
