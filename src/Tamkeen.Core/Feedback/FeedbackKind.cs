namespace Tamkeen.Core.Feedback;

public enum FeedbackKind
{
    Suggestion = 1,
    Complaint = 2,
}
