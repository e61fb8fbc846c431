using Tamkeen.Core.Conversations;

namespace Tamkeen.Core.Handoff;

/// <summary>A case was opened: the host records it and alerts staff (urgent ones to managers at once).</summary>
/// <param name="Text">What the person wrote that opened it, when it says more than "a person".</param>
public sealed record CaseOpened(string Reference, CaseReason Reason, bool Urgent, string? Text) : ConversationEvent;

/// <summary>Another trigger on the open case (a second ask, urgency words): added to it, not a second case.</summary>
public sealed record CaseRaised(string Reference, CaseReason Reason, bool Urgent) : ConversationEvent;

/// <summary>What the person sent while their case is with staff: kept on the case and passed to staff.</summary>
public sealed record CaseMessageReceived(string Reference, string Text, IReadOnlyList<Attachment> Attachments) : ConversationEvent;

/// <summary>The person withdrew («إلغاء») a case nobody had answered yet.</summary>
public sealed record CaseWithdrawn(string Reference) : ConversationEvent;
