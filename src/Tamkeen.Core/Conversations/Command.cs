namespace Tamkeen.Core.Conversations;

/// <summary>
/// Words understood in any state, and words read only where they fit (the two feedback kinds, yes and no, skip),
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
    /// <summary>Finished sending information.</summary>
    Done,
    /// <summary>«السلام عليكم», «مرحبا», "hello": greeted back, and the conversation stays where it is.</summary>
    Greeting,
    /// <summary>«شكرا», "thanks": a short reply, not a question for the guide.</summary>
    Thanks,
    Suggestion,
    Complaint,
    Yes,
    No,
    Skip,
}
