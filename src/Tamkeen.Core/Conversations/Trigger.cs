namespace Tamkeen.Core.Conversations;

public enum Trigger
{
    ShowMenu,
    Back,
    Cancel,
    AskForPerson,
    SwitchLanguage,
    Choose,
    Write,
    Ask,
    Answered,
    Invalid,
    Duplicate,
    Reference,
    Notice,
}
