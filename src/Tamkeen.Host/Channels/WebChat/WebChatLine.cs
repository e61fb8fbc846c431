using Tamkeen.Core.Conversations;

namespace Tamkeen.Host.Channels.WebChat;

/// <summary>One line of the chat as the page shows it. Bot lines carry the outbox id so the page never shows one twice.</summary>
/// <param name="Files">Photos or documents a staff member sent with the line, each at an address only this visitor can open.</param>
public sealed record WebChatLine(string Id, string From, string Text, IReadOnlyList<ReplyButton> Buttons, DateTimeOffset At, IReadOnlyList<WebChatFile> Files);

/// <param name="Type">The file's content type, so the page can say "photo" or "document" in its language.</param>
public sealed record WebChatFile(string Type, string Url);
