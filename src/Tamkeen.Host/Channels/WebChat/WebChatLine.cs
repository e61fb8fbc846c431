using Tamkeen.Core.Conversations;

namespace Tamkeen.Host.Channels.WebChat;

/// <summary>One line of the chat as the page shows it. Bot lines carry the outbox id so the page never shows one twice.</summary>
public sealed record WebChatLine(string Id, string From, string Text, IReadOnlyList<ReplyButton> Buttons, DateTimeOffset At);
