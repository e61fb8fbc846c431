using Tamkeen.Core.Conversations;

namespace Tamkeen.Core.Guide;

/// <summary>One question of the social research services guide, with the ways people ask it and its answer.</summary>
public sealed record GuideEntry(
    string Id,
    IReadOnlyDictionary<Language, string> Title,
    IReadOnlyDictionary<Language, IReadOnlyList<string>> Questions,
    IReadOnlyDictionary<Language, string> Answer,
    IReadOnlyList<string> Related);
