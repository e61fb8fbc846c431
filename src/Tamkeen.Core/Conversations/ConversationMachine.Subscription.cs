using Tamkeen.Core.Subscriptions;

namespace Tamkeen.Core.Conversations;

/// <summary>STOP, START and HELP on SMS and WhatsApp.</summary>
internal sealed partial class ConversationMachine
{
    /// <param name="language">The keyword's own language: a person who writes STOP reads the answer in English.</param>
    public void AnswerKeyword(SubscriptionKeyword keyword, Language language)
    {
        switch (keyword)
        {
            case SubscriptionKeyword.Stop:
                // The step is kept: after START the person begins from the menu anyway, and nothing is lost meanwhile.
                Events.Add(new SubscriptionChanged(Subscribed: false));
                Reply.Say(T(language, TextKey.SubscriptionStopped));
                break;
            case SubscriptionKeyword.Start:
                Events.Add(new SubscriptionChanged(Subscribed: true));
                Reply.Say(T(language, TextKey.SubscriptionStarted));
                _machine.Fire(Trigger.ShowMenu);
                break;
            case SubscriptionKeyword.Help:
                Reply.Say(T(language, TextKey.HelpContact));
                break;
        }
    }
}
