using Tamkeen.Core.Guide;
using Tamkeen.Core.Requests;
using Tamkeen.Core.Subscriptions;

namespace Tamkeen.Core.Conversations;

/// <summary>
/// What the conversation reads but never changes: wording, command words, the guide, the services, stored requests,
/// and the SMS/WhatsApp subscription keywords.
/// </summary>
public sealed record ConversationContent(
    BotTexts Texts, CommandLexicon Lexicon, IGuide Guide, ServiceCatalogue Services, IRequestLookup Requests,
    SubscriptionKeywords Subscription);
