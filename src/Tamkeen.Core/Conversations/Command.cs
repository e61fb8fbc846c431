namespace Tamkeen.Core.Conversations;

/// <summary>Words understood in any state (and the two feedback kinds), as listed in content/commands.json.</summary>
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
}
