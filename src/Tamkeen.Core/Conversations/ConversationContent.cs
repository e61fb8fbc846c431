using Tamkeen.Core.Guide;
using Tamkeen.Core.Handoff;
using Tamkeen.Core.Requests;
using Tamkeen.Core.Subscriptions;
using Tamkeen.Core.Surveys;

namespace Tamkeen.Core.Conversations;

/// <summary>
/// What the conversation reads but never changes: wording, command words, the guide, the services, the SMS/WhatsApp
/// keywords and the words that make a message urgent.
/// </summary>
public sealed record ConversationContent(
    BotTexts Texts, CommandLexicon Lexicon, IGuide Guide, ServiceCatalogue Services, SubscriptionKeywords Subscription, UrgencyWords Urgency,
    ScoreWords Scores);
