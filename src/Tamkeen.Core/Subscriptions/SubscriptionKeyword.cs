namespace Tamkeen.Core.Subscriptions;

/// <summary>
/// The words SMS and WhatsApp users expect to control what they receive (as carriers and Twilio use them),
/// listed in content/subscription.json. Understood only on those channels: elsewhere "start" is the menu.
/// </summary>
public enum SubscriptionKeyword
{
    /// <summary>No more messages to this number until START.</summary>
    Stop,
    /// <summary>Messages again, and the menu.</summary>
    Start,
    /// <summary>How to reach the association; the conversation stays where it is.</summary>
    Help,
}
