using Tamkeen.Core.Handoff;
using Tamkeen.Core.Requests;
using Tamkeen.Core.Surveys;

namespace Tamkeen.Core.Conversations;

/// <summary>Anything that moves a conversation, as stored in the person's inbox and run through their lane.</summary>
/// <param name="Number">The stored input's number: what it creates (a request, a suggestion) takes its reference from it.</param>
/// <param name="Channel">Where the replies go: the channel the person wrote on, or for news the one they last wrote from.</param>
/// <param name="At">When it happened; the core reads no clock.</param>
public abstract record ConversationInput(string Number, Channel Channel, DateTimeOffset At);

/// <summary>The person wrote, pressed a button or sent files.</summary>
public sealed record PersonWrote(string Number, Channel Channel, DateTimeOffset At, string? Text, string? ButtonPayload, IReadOnlyList<Attachment> Attachments)
    : ConversationInput(Number, Channel, At);

/// <summary>Staff changed the status of one of the person's requests.</summary>
public sealed record RequestStatusChanged(string Number, Channel Channel, DateTimeOffset At, RequestNotice Notice)
    : ConversationInput(Number, Channel, At);

/// <summary>A timer the conversation set has come due.</summary>
public sealed record TimerFired(string Number, Channel Channel, DateTimeOffset At, TimerKind Kind)
    : ConversationInput(Number, Channel, At);

/// <summary>A staff member replied on the person's case, released it to the bot, closed or reopened it.</summary>
/// <param name="Staff">The staff member's display name, for the signature.</param>
public sealed record StaffActed(
    string Number, Channel Channel, DateTimeOffset At, string CaseReference, StaffActionKind Kind, string Staff, string? Text, IReadOnlyList<Attachment> Attachments)
    : ConversationInput(Number, Channel, At);

/// <summary>A satisfaction poll's delay after its event has passed: ask it now, if the person may be asked.</summary>
/// <param name="HandledBy">The staff member handling what is rated now, kept with the answer.</param>
/// <param name="CannotReach">Why the host cannot deliver it (STOP; WhatsApp's window closed with no template or SMS): recorded as not sent.</param>
public sealed record PollDue(
    string Number, Channel Channel, DateTimeOffset At, PollSubject Subject, string? Reference, string? HandledBy, string? Outcome,
    PollNotSentReason? CannotReach = null)
    : ConversationInput(Number, Channel, At);
