namespace Tamkeen.Core.Conversations;

/// <summary>What any channel received from a person, in one shape.</summary>
/// <param name="Notice">
/// Set instead of a text when the association itself has news for the person (a request's status changed); it runs
/// through the person's lane like a message, so the conversation reacts in order with what they write.
/// </param>
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
    RequestNotice? Notice = null,
    string? SenderPhone = null);

/// <summary>A request's status changed; <paramref name="Note"/> says what staff wrote (for "needs information", what to send).</summary>
public sealed record RequestNotice(string Reference, string ServiceId, Requests.RequestStatus Status, string? Note);

/// <param name="Url">Where the kept copy is (a file under the attachments folder), or the channel's reference to it.</param>
/// <param name="TooLarge">Above the size limit: not kept, and the person is told so.</param>
public sealed record Attachment(string ContentType, string Url, bool TooLarge = false);
