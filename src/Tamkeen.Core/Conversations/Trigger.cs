namespace Tamkeen.Core.Conversations;

public enum Trigger
{
    ShowMenu,
    /// <summary>To the menu without showing it: the idle timer, or a menu number typed where a question was asked.</summary>
    Reset,
    Back,
    Cancel,
    AskForPerson,
    /// <summary>Into the case's waiting step.</summary>
    ToStaff,
    SwitchLanguage,
    /// <summary>Repeat what the current step asks for.</summary>
    Prompt,
    Choose,
    Write,
    Ask,
    Answered,
    Invalid,
    Duplicate,
    FeedbackKindNamed,
    SendInformation,
    Done,
}
