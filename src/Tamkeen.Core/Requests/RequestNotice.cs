namespace Tamkeen.Core.Requests;

/// <summary>A request's status changed; <paramref name="Note"/> says what staff wrote (for "needs information", what to send).</summary>
public sealed record RequestNotice(string Reference, string ServiceId, RequestStatus Status, string? Note);
