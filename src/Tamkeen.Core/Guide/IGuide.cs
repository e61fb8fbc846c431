namespace Tamkeen.Core.Guide;

/// <summary>The guide the bot answers from. Implementations are safe to call from several lanes at once.</summary>
public interface IGuide
{
    GuideMatch Ask(string question);

    GuideEntry? Find(string id);
}
