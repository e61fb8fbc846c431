using System.Text.Json;
using Tamkeen.Core.Conversations;

namespace Tamkeen.Host.Messaging;

public enum DeliveryStatus
{
    Pending = 0,
    Sent = 1,
    Failed = 2,
}

/// <summary>A reply waiting to be sent, or the record of having sent it. Its id is the idempotency key.</summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }
    public long BeneficiaryId { get; set; }
    public Channel Channel { get; set; }
    public required string Address { get; set; }
    public required string Text { get; set; }
    public string? ButtonsJson { get; set; }
    public long? InboxMessageId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DeliveryStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string? LastError { get; set; }

    public IReadOnlyList<ReplyButton> Buttons =>
        ButtonsJson is null ? [] : JsonSerializer.Deserialize<List<ReplyButton>>(ButtonsJson) ?? [];

    public static OutboxMessage ReplyTo(InboxMessage inbox, OutboundMessage reply, DateTimeOffset now) => new()
    {
        BeneficiaryId = inbox.BeneficiaryId,
        Channel = inbox.Channel,
        Address = inbox.SenderAddress,
        Text = reply.Text,
        ButtonsJson = reply.Buttons.Count == 0 ? null : JsonSerializer.Serialize(reply.Buttons),
        InboxMessageId = inbox.Id,
        CreatedAt = now,
        NextAttemptAt = now,
    };
}
