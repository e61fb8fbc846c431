namespace Tamkeen.Core.Conversations;

/// <summary>Every text the bot says; the wording lives in content/texts/{ar,en}.json.</summary>
public enum TextKey
{
    Welcome,
    IdleRestart,
    MenuPrompt,
    MenuAskQuestion,
    MenuSubmitRequest,
    MenuFollowUp,
    MenuTalkToStaff,
    MenuFeedback,
    NotUnderstood,
    AskQuestionComingSoon,
    SubmitRequestComingSoon,
    FollowUpComingSoon,
    TalkToStaffComingSoon,
    FeedbackChooseKind,
    FeedbackSuggestion,
    FeedbackComplaint,
    FeedbackWriteSuggestion,
    FeedbackWriteComplaint,
    FeedbackTooShort,
    FeedbackThanksSuggestion,
    FeedbackThanksComplaint,
    Cancelled,
    LanguageSwitched,
    TooLong,
    AttachmentsNotRead,
    ButtonBack,
    ButtonMenu,
    ProcessingFailed,
}
