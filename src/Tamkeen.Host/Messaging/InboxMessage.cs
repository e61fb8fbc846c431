using Microsoft.EntityFrameworkCore;
using System.Globalization;
using System.Text.Json;
using Tamkeen.Core.Conversations;
using Tamkeen.Core.Handoff;
using Tamkeen.Core.Requests;
using Tamkeen.Core.Surveys;
using Tamkeen.Host.Data;
using Tamkeen.Host.Messaging.Events;

namespace Tamkeen.Host.Messaging;

/// <summary>What a stored input is: the person wrote, staff changed a request's status or acted on a case, or one of the person's timers fired.</summary>
public enum InputKind
{
    Message = 0,
    StatusChange = 1,
    Timer = 2,
    StaffAction = 3,
    Poll = 4,
}

/// <summary>A poll come due, as stored in the person's inbox.</summary>
public sealed record PollDuePayload(PollSubject Subject, string? Reference, string? HandledBy, string? Outcome, PollNotSentReason? CannotReach = null);

/// <summary>A staff action on a case as stored in the person's inbox.</summary>
public sealed record StaffActionPayload(string CaseReference, StaffActionKind Kind, string Staff, string? Text, IReadOnlyList<Attachment> Attachments);

/// <summary>
/// An input to a conversation, stored before anyone is acknowledged; unique per (channel, source id). For a message
/// the source id is the channel's message id; staff and timer inputs get a generated one.
/// </summary>
public sealed class InboxMessage
{
    public long Id { get; set; }
    public InputKind Kind { get; set; }
    public Channel Channel { get; set; }
    public required string ChannelMessageId { get; set; }
    public required string SenderAddress { get; set; }
    public long BeneficiaryId { get; set; }
    public string? Text { get; set; }
    public string? ButtonPayload { get; set; }
    public string? AttachmentsJson { get; set; }
    /// <remarks>
    /// Kept as it reads back from the database, so that an input and the conversation times made from it are the same
    /// whether the conversation was read or kept in memory (<see cref="ConversationCache"/>).
    /// </remarks>
    public DateTimeOffset ReceivedAt { get; set => field = UtcTimeToBinaryConverter.AsStored(value); }
    public DateTimeOffset? ProcessedAt { get; set; }

    /// <summary>What a status change or a timer carries (the notice; the timer's kind), as JSON.</summary>
    public string? PayloadJson { get; set; }

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

    public ConversationInput ToInput()
    {
        var number = Id.ToString(CultureInfo.InvariantCulture);
        return Kind switch
        {
            InputKind.StatusChange => new RequestStatusChanged(number, Channel, ReceivedAt, JsonSerializer.Deserialize<RequestNotice>(PayloadJson!)!),
            InputKind.Timer => new TimerFired(number, Channel, ReceivedAt, JsonSerializer.Deserialize<TimerKind>(PayloadJson!)),
            InputKind.Poll => JsonSerializer.Deserialize<PollDuePayload>(PayloadJson!) is { } poll
                ? new PollDue(number, Channel, ReceivedAt, poll.Subject, poll.Reference, poll.HandledBy, poll.Outcome, poll.CannotReach)
                : throw new InvalidDataException($"Inbox row {Id} has no poll."),
            InputKind.StaffAction => JsonSerializer.Deserialize<StaffActionPayload>(PayloadJson!) is { } staff
                ? new StaffActed(number, Channel, ReceivedAt, staff.CaseReference, staff.Kind, staff.Staff, staff.Text, staff.Attachments)
                : throw new InvalidDataException($"Inbox row {Id} has no staff action."),
            _ => new PersonWrote(number, Channel, ReceivedAt, Text, ButtonPayload,
                AttachmentsJson is null ? [] : JsonSerializer.Deserialize<List<Attachment>>(AttachmentsJson) ?? []),
        };
    }

    /// <summary>News for the person, delivered through their lane, to where they last wrote from.</summary>
    public static InboxMessage ForNotice(InboxMessage lastFromPerson, RequestNotice notice, DateTimeOffset now) =>
        ForPerson(lastFromPerson, InputKind.StatusChange, $"notice-{Guid.NewGuid():N}", JsonSerializer.Serialize(notice), now);

    /// <summary>A staff member's reply, release, close or reopening, delivered through the person's lane to where they last wrote from.</summary>
    /// <param name="sourceId">What makes a repeat of the action a duplicate; null: every action is new.</param>
    public static InboxMessage ForStaffAction(InboxMessage lastFromPerson, StaffActionPayload action, DateTimeOffset now, string? sourceId = null) =>
        ForPerson(lastFromPerson, InputKind.StaffAction, sourceId ?? $"staff-{Guid.NewGuid():N}", JsonSerializer.Serialize(action, EventLog.ReadableJson), now);

    /// <summary>A poll come due; the source id makes a timer that fires twice one input.</summary>
    public static InboxMessage ForPoll(InboxMessage lastFromPerson, long timerId, PollDuePayload poll, DateTimeOffset dueAt) =>
        ForPerson(lastFromPerson, InputKind.Poll, string.Create(CultureInfo.InvariantCulture, $"poll-{timerId}-{dueAt.UtcTicks}"),
            JsonSerializer.Serialize(poll, EventLog.ReadableJson), dueAt);

    /// <summary>A timer of the person's, come due; the source id makes a timer that fires twice one input.</summary>
    public static InboxMessage ForTimer(InboxMessage lastFromPerson, long timerId, TimerKind kind, DateTimeOffset dueAt) =>
        ForPerson(lastFromPerson, InputKind.Timer, string.Create(CultureInfo.InvariantCulture, $"timer-{timerId}-{dueAt.UtcTicks}"),
            JsonSerializer.Serialize(kind), dueAt);

    /// <summary>The person's latest message (not a notice or timer): the channel and address news for them goes to.</summary>
    public static Task<InboxMessage?> LastFromPersonAsync(IQueryable<InboxMessage> inbox, long beneficiaryId, CancellationToken cancellationToken) =>
        inbox.AsNoTracking().Where(m => m.BeneficiaryId == beneficiaryId && m.Kind == InputKind.Message)
            .OrderByDescending(m => m.Id).FirstOrDefaultAsync(cancellationToken);

    private static InboxMessage ForPerson(InboxMessage lastFromPerson, InputKind kind, string sourceId, string payload, DateTimeOffset at) => new()
    {
        Kind = kind,
        Channel = lastFromPerson.Channel,
        ChannelMessageId = sourceId,
        SenderAddress = lastFromPerson.SenderAddress,
        BeneficiaryId = lastFromPerson.BeneficiaryId,
        PayloadJson = payload,
        ReceivedAt = at,
    };
}
