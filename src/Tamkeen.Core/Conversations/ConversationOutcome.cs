namespace Tamkeen.Core.Conversations;

public sealed record ConversationOutcome(IReadOnlyList<OutboundMessage> Replies, IReadOnlyList<ConversationEvent> Events);
