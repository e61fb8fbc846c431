using Tamkeen.Core.Conversations;

namespace Tamkeen.Core.Guide;

/// <summary>The guide the bot answers from. Implementations are safe to call from several lanes at once.</summary>
public interface IGuide
{
    /// <param name="chatLanguage">The answer's language unless the question is clearly in the other one.</param>
    GuideMatch Ask(string question, Language chatLanguage = Language.Arabic);

    GuideEntry? Find(string id);
}
