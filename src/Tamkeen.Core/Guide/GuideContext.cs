using Tamkeen.Core.Conversations;

namespace Tamkeen.Core.Guide;

/// <summary>The question being answered from the guide, kept until it is answered or recorded as unanswered.</summary>
public sealed class GuideContext
{
    public string? Question { get; set; }

    /// <summary>The language the answer is given in: the chat's, or the question's when it was clearly another.</summary>
    public Language Language { get; set; }

    /// <summary>The entry answered, or the ones offered, in the order shown.</summary>
    public List<string> EntryIds { get; set; } = [];

    /// <summary>The person said whether the answer helped (or asked for a person): no poll about it.</summary>
    public bool Rated { get; set; }
}
