namespace Tamkeen.Core.Conversations;

/// <summary>
/// The steps of the conversation. The numbered ones are stored; the superstates (100 and up) group the steps of one
/// flow and are never a conversation's current state.
/// </summary>
public enum ConversationState
{
    MainMenu = 0,
    FeedbackKind = 1,
    FeedbackText = 2,
    Question = 3,
    AnswerFeedback = 4,
    Suggestions = 5,
    RequestService = 6,
    RequestField = 7,
    RequestSummary = 8,
    RequestEditPick = 9,
    RequestInformation = 11,
    /// <summary>Waiting for staff or talking with them: the bot keeps what is sent for the case and stays silent.</summary>
    WithStaff = 12,

    /// <summary>Every step: menu, cancel, a person and the language work the same everywhere.</summary>
    Dialog = 100,
    /// <summary>Asking the guide; leaving it forgets the question.</summary>
    Asking = 101,
    /// <summary>Filling in a request; leaving it forgets the draft and its files.</summary>
    Requesting = 102,
    /// <summary>Writing a suggestion or complaint.</summary>
    GivingFeedback = 103,
    /// <summary>Sending information a request needs.</summary>
    SendingInformation = 104,
}
