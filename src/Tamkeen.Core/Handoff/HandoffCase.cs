namespace Tamkeen.Core.Handoff;

/// <summary>The person's open case with staff, as the conversation needs to know it.</summary>
public sealed class HandoffCase
{
    public required string Reference { get; set; }
    public bool Urgent { get; set; }

    /// <summary>A staff member has replied: from then on «إلغاء» no longer withdraws the case.</summary>
    public bool Answered { get; set; }
}
