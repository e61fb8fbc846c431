using Tamkeen.Core.Conversations;

namespace Tamkeen.Core.Guide;

public enum GuideDecision
{
    /// <summary>One clear match: give its answer.</summary>
    Answer,
    /// <summary>Close candidates, none clear: offer their titles.</summary>
    Suggest,
    /// <summary>Nothing fits: say so and offer a person, never guess.</summary>
    Fallback,
}

/// <param name="Language">The language the question was asked in, which the answer uses.</param>
/// <param name="Score">How much of the question the best entry covers, 0 to 1.</param>
/// <param name="Best">The best entry, whatever the decision (null when nothing matched at all).</param>
/// <param name="Suggestions">For <see cref="GuideDecision.Suggest"/>: up to three candidates, best first.</param>
public sealed record GuideMatch(
    string Question,
    Language Language,
    GuideDecision Decision,
    GuideEntry? Best,
    double Score,
    IReadOnlyList<GuideEntry> Suggestions);
