namespace Tamkeen.Core.Conversations;

/// <summary>What any channel received from a person, in one shape.</summary>
public sealed record InboundMessage(
    Channel Channel,
    string SenderAddress,
    string ChannelMessageId,
    string? Text,
    string? ButtonPayload,
    IReadOnlyList<Attachment> Attachments,
    DateTimeOffset ReceivedAt);

public sealed record Attachment(string ContentType, string Url);
