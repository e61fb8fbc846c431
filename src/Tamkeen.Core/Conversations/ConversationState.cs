namespace Tamkeen.Core.Conversations;

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
    FollowUpIdentity = 10,
    RequestInformation = 11,
}
