namespace Tamkeen.Core.FollowUp;

/// <summary>Information being sent for a request that needs it: what has arrived so far.</summary>
public sealed class InformationDraft
{
    public required string Reference { get; set; }
    public int Messages { get; set; }
    public int Files { get; set; }
}
