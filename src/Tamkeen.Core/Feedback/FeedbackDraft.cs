namespace Tamkeen.Core.Feedback;

/// <summary>A suggestion or complaint being written.</summary>
public sealed class FeedbackDraft
{
    public FeedbackKind Kind { get; set; }
}
