namespace Tamkeen.Core.Conversations;

/// <summary>What any channel received from a person, in one shape.</summary>
/// <param name="Notice">
/// Set instead of a text when the association itself has news for the person (a request's status changed); it runs
/// through the person's lane like a message, so the conversation reacts in order with what they write.
/// </param>
public sealed record InboundMessage(
    Channel Channel,
    string SenderAddress,
    string ChannelMessageId,
    string? Text,
    string? ButtonPayload,
    IReadOnlyList<Attachment> Attachments,
    DateTimeOffset ReceivedAt,
    RequestNotice? Notice = null);

/// <summary>A request's status changed; <paramref name="Note"/> says what staff wrote (for "needs information", what to send).</summary>
public sealed record RequestNotice(string Reference, string ServiceId, Requests.RequestStatus Status, string? Note);

public sealed record Attachment(string ContentType, string Url);
