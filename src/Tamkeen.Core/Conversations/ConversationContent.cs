using Tamkeen.Core.Guide;
using Tamkeen.Core.Requests;

namespace Tamkeen.Core.Conversations;

/// <summary>What the conversation reads but never changes: wording, command words, the guide, the services, stored requests.</summary>
public sealed record ConversationContent(
    BotTexts Texts, CommandLexicon Lexicon, IGuide Guide, ServiceCatalogue Services, IRequestLookup Requests);
