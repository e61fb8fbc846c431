using Tamkeen.Core.Conversations;

namespace Tamkeen.Core.Subscriptions;

/// <summary>STOP, START and HELP on SMS and WhatsApp.</summary>
internal static class SubscriptionAnswers
{
    /// <param name="language">The keyword's own language: a person who writes STOP reads the answer in English.</param>
    public static void Answer(ConversationMachine m, SubscriptionKeyword keyword, Language language)
    {
        switch (keyword)
        {
            case SubscriptionKeyword.Stop:
                // The step is kept: after START the person begins from the menu anyway, and nothing is lost meanwhile.
                m.Events.Add(new SubscriptionChanged(Subscribed: false));
                m.Reply.Say(m.T(language, TextKey.SubscriptionStopped));
                break;
            case SubscriptionKeyword.Start:
                // START begins afresh from the menu, with the welcome if this is the first contact.
                if (m.Conversation.LastMessageAt is null) m.Say(TextKey.Welcome);
                m.Conversation.LastMessageAt = m.At;
                m.Conversation.Restarted = false;
                m.KeepIdleTimer();
                m.Events.Add(new SubscriptionChanged(Subscribed: true));
                m.Reply.Say(m.T(language, TextKey.SubscriptionStarted));
                m.Fire(Trigger.ShowMenu);
                break;
            case SubscriptionKeyword.Help:
                m.Reply.Say(m.T(language, TextKey.HelpContact));
                break;
        }
    }
}
