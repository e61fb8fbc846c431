using System.Text.Json;
using Tamkeen.Core.Conversations;

namespace Tamkeen.Host.Messaging;

/// <summary>A received message, stored before the channel is acknowledged; unique per (channel, channel message id).</summary>
public sealed class InboxMessage
{
    public long Id { get; set; }
    public Channel Channel { get; set; }
    public required string ChannelMessageId { get; set; }
    public required string SenderAddress { get; set; }
    public long BeneficiaryId { get; set; }
    public string? Text { get; set; }
    public string? ButtonPayload { get; set; }
    public string? AttachmentsJson { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public DateTimeOffset? ProcessedAt { get; set; }

    /// <summary>For news from the association (a status change) rather than a message from the person.</summary>
    public string? NoticeJson { get; set; }

    /// <summary>Set when processing kept failing; the person was told and staff can look at the row.</summary>
    public string? ProcessingError { get; set; }

    public static InboxMessage From(InboundMessage message, long beneficiaryId) => new()
    {
        Channel = message.Channel,
        ChannelMessageId = message.ChannelMessageId,
        SenderAddress = message.SenderAddress,
        BeneficiaryId = beneficiaryId,
        Text = message.Text,
        ButtonPayload = message.ButtonPayload,
        AttachmentsJson = message.Attachments.Count == 0 ? null : JsonSerializer.Serialize(message.Attachments),
        ReceivedAt = message.ReceivedAt,
    };

    public InboundMessage ToInbound() => new(
        Channel, SenderAddress, ChannelMessageId, Text, ButtonPayload,
        AttachmentsJson is null ? [] : JsonSerializer.Deserialize<List<Attachment>>(AttachmentsJson) ?? [],
        ReceivedAt,
        NoticeJson is null ? null : JsonSerializer.Deserialize<RequestNotice>(NoticeJson));

    /// <summary>News for the person, delivered through their lane as if they had written, to where they last wrote from.</summary>
    public static InboxMessage ForNotice(InboxMessage lastFromPerson, RequestNotice notice, DateTimeOffset now) => new()
    {
        Channel = lastFromPerson.Channel,
        ChannelMessageId = $"notice-{Guid.NewGuid():N}",
        SenderAddress = lastFromPerson.SenderAddress,
        BeneficiaryId = lastFromPerson.BeneficiaryId,
        NoticeJson = JsonSerializer.Serialize(notice),
        ReceivedAt = now,
    };
}
