namespace Tamkeen.Core.Conversations;

/// <summary>What any channel received from a person, in one shape.</summary>
/// <param name="SenderPhone">
/// The sender's own mobile number in E.164 when the channel vouches for it (Twilio's From; a Telegram contact the person
/// shared of themselves), so that one person on several channels is one beneficiary.
/// </param>
public sealed record InboundMessage(
    Channel Channel,
    string SenderAddress,
    string ChannelMessageId,
    string? Text,
    string? ButtonPayload,
    IReadOnlyList<Attachment> Attachments,
    DateTimeOffset ReceivedAt,
    string? SenderPhone = null);

/// <param name="Url">Where the kept copy is (a file under the attachments folder), or the channel's reference to it.</param>
/// <param name="TooLarge">Above the size limit: not kept, and the person is told so.</param>
public sealed record Attachment(string ContentType, string Url, bool TooLarge = false);
