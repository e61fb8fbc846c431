namespace Tamkeen.Core.Conversations;

/// <param name="Replies">Sent to the person on the input's channel.</param>
/// <param name="Events">What the outside world records or reacts to, in order.</param>
/// <param name="Timers">The person's timers to set or cancel.</param>
/// <param name="StartedByBot">The replies are news the bot starts (a notice, a reminder), not an answer to the person.</param>
public sealed record ConversationOutcome(
    IReadOnlyList<OutboundMessage> Replies, IReadOnlyList<ConversationEvent> Events, IReadOnlyList<TimerChange> Timers, bool StartedByBot);
