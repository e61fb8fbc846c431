using System.Text.Json;
using Tamkeen.Core.Conversations;

namespace Tamkeen.Host.Messaging;

/// <summary>Who a row is for: a beneficiary on one of their channels, or the staff group (alerts about a case).</summary>
public enum OutboxRecipient
{
    Beneficiary = 0,
    StaffGroup = 1,
}

/// <summary>What a staff-group row does in the group.</summary>
public enum StaffGroupPost
{
    /// <summary>A case's card, with its buttons.</summary>
    Card = 1,
    /// <summary>A reply under the case's latest card.</summary>
    Reply = 2,
    /// <summary>The case's latest card rewritten (claimed, closed); it sends no new message.</summary>
    CardEdit = 3,
    /// <summary>The case's own forum topic, named by the text; the case's other posts go into it. Sent first, with Handoff:UseForumTopics.</summary>
    Topic = 4,
    /// <summary>The case's topic closed, after its card says the case ended.</summary>
    TopicClosed = 5,
    /// <summary>The case's topic opened again, before anything about the reopened case is posted in it.</summary>
    TopicReopened = 6,
}

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

    /// <summary>0 for the staff group.</summary>
    public long BeneficiaryId { get; set; }

    public OutboxRecipient Recipient { get; set; }

    /// <summary>The case a staff-group row is about: a reply to one of its posts in the group finds the case by this row.</summary>
    public long? CaseId { get; set; }

    /// <summary>The case timeline entry a staff-group row announces; unique, so an entry announced again posts nothing.</summary>
    public long? CaseEntryId { get; set; }

    public StaffGroupPost? GroupPost { get; set; }

    public Channel Channel { get; set; }
    public required string Address { get; set; }
    public required string Text { get; set; }
    public string? ButtonsJson
    {
        get;
        set
        {
            field = value;
            _buttons = null;
        }
    }

    private IReadOnlyList<ReplyButton>? _buttons;

    /// <summary>Photos or documents sent with the text (a staff member's), as kept files; null when none.</summary>
    public string? AttachmentsJson { get; set; }
    public long? InboxMessageId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DeliveryStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string? LastError { get; set; }

    /// <summary>News the bot starts (a status change) rather than a reply; WhatsApp sends these outside its 24-hour window only as a template.</summary>
    public bool StartedByBot { get; set; }

    /// <summary>Set when the reply asks for a mobile number: the label of Telegram's "share my number" button.</summary>
    public string? ContactButton { get; set; }

    /// <summary>The channel's id for the sent message (Telegram message id, Twilio MessageSid), to match status callbacks.</summary>
    public string? ProviderMessageId { get; set; }

    /// <summary>The channel's latest word on delivery (Twilio: queued, sent, delivered, undelivered, failed; Telegram: sent).</summary>
    public string? ProviderStatus { get; set; }

    /// <summary>How it went when not the plain way ("whatsapp-template", "sms-fallback"), so staff see the choice.</summary>
    public string? Route { get; set; }

    /// <summary>SMS segments billed for this message.</summary>
    public int? Segments { get; set; }

    /// <summary>
    /// An attempt under way since then: recorded before the channel is called and cleared with its outcome. Found set at
    /// start, the attempt was cut off by a crash and the channel may have the message.
    /// </summary>
    public DateTimeOffset? SendingSince { get; set; }

    /// <summary>Attempts cut off by a crash on a channel that cannot tell whether it has the message (Telegram).</summary>
    public int InterruptedSends { get; set; }

    /// <summary>The buttons of <see cref="ButtonsJson"/>, read once.</summary>
    public IReadOnlyList<ReplyButton> Buttons =>
        _buttons ??= Messaging.ButtonsJson.Read(ButtonsJson);

    public IReadOnlyList<Attachment> Attachments =>
        AttachmentsJson is null ? [] : JsonSerializer.Deserialize<List<Attachment>>(AttachmentsJson) ?? [];

    public static OutboxMessage ReplyTo(InboxMessage inbox, OutboundMessage reply, DateTimeOffset now, bool startedByBot) => new OutboxMessage
    {
        BeneficiaryId = inbox.BeneficiaryId,
        Channel = inbox.Channel,
        Address = inbox.SenderAddress,
        Text = reply.Text,
        ButtonsJson = Messaging.ButtonsJson.Write(reply.Buttons),
        AttachmentsJson = reply.Attachments.Count == 0 ? null : JsonSerializer.Serialize(reply.Attachments),
        InboxMessageId = inbox.Id,
        StartedByBot = startedByBot,
        ContactButton = reply.ContactButton,
        CreatedAt = now,
        NextAttemptAt = now,
    }.WithButtons(reply.Buttons);

    private OutboxMessage WithButtons(IReadOnlyList<ReplyButton> buttons)
    {
        _buttons = buttons;
        return this;
    }

    /// <summary>Marks the row sent in the answer to the channel's request (<see cref="InlineReply"/>), before its commit.</summary>
    public void CarriedInline(DateTimeOffset now)
    {
        Status = DeliveryStatus.Sent;
        Attempts = 1;
        SentAt = now;
        ProviderStatus = "sent";
        Route = InlineReply.Route;
    }

    /// <summary>Undoes <see cref="CarriedInline"/> for a row the answer did not carry after all: it is to be sent.</summary>
    public void NotCarried()
    {
        Status = DeliveryStatus.Pending;
        Attempts = 0;
        SentAt = null;
        ProviderStatus = null;
        Route = null;
    }

    /// <summary>Marks the row failed, saying why, when its channel is off: no dispatcher would ever send it.</summary>
    public OutboxMessage FailedWhenOff(IReadOnlySet<Channel> channelsOn)
    {
        if (channelsOn.Contains(Channel)) return this;
        Status = DeliveryStatus.Failed;
        LastError = $"not sent: {Channel} is off (its settings are not set)";
        return this;
    }
}
