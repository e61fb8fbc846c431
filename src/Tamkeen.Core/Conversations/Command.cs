namespace Tamkeen.Core.Conversations;

/// <summary>
/// Words understood in any state, and words read only where they fit (the two feedback kinds, yes and no),
/// as listed in content/commands.json.
/// </summary>
public enum Command
{
    Menu,
    Back,
    Cancel,
    Human,
    English,
    Arabic,
    Suggestion,
    Complaint,
    Yes,
    No,
    Skip,
}
