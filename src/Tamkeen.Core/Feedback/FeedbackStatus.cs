namespace Tamkeen.Core.Feedback;

/// <summary>Where staff are with a suggestion or complaint.</summary>
public enum FeedbackStatus
{
    New = 0,
    InProgress = 1,
    Handled = 2,
}
