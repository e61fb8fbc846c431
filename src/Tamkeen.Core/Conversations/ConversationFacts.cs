using Tamkeen.Core.Feedback;
using Tamkeen.Core.Requests;

namespace Tamkeen.Core.Conversations;

/// <summary>
/// What the stored records say that one step may need, loaded by the host before the step runs (the core makes no
/// queries). <see cref="ConversationEngine.Needs"/> says which to load.
/// </summary>
/// <param name="OwnOpenRequests">The person's open requests, newest first.</param>
/// <param name="OwnFeedback">The person's latest suggestions and complaints, newest first.</param>
/// <param name="Referenced">The request whose reference the person typed, whoever it belongs to.</param>
/// <param name="ReferencedFeedback">The suggestion or complaint whose reference the person typed.</param>
/// <param name="OpenDuplicate">An open request of the same service for the national ID being given.</param>
public sealed record ConversationFacts(
    IReadOnlyList<RequestOverview> OwnOpenRequests,
    IReadOnlyList<FeedbackOverview> OwnFeedback,
    RequestOverview? Referenced,
    FeedbackOverview? ReferencedFeedback,
    RequestOverview? OpenDuplicate)
{
    public static ConversationFacts None { get; } = new([], [], null, null, null);
}

/// <summary>Which facts to load for one step.</summary>
/// <param name="Reference">A request or feedback reference found in what the person typed.</param>
/// <param name="Duplicate">A service and national ID to look for an open request of.</param>
public sealed record FactsQuery(bool OwnRecords, string? Reference, DuplicateKey? Duplicate)
{
    public static FactsQuery Nothing { get; } = new(false, null, null);

    public bool IsEmpty => !OwnRecords && Reference is null && Duplicate is null;
}

public sealed record DuplicateKey(string ServiceId, string NationalId);

public sealed record RequestOverview(string Reference, string ServiceId, RequestStatus Status, DateTimeOffset DueAt, long BeneficiaryId);

public sealed record FeedbackOverview(string Reference, FeedbackKind Kind, DateTimeOffset CreatedAt, long BeneficiaryId);
