using Tamkeen.Core.Conversations;
using Tamkeen.Core.Requests;

namespace Tamkeen.Core.Tests;

/// <summary>Requests and feedback kept in memory the way the host stores them, and the facts it loads from them.</summary>
internal sealed class StoredRequests
{
    private readonly List<(RequestOverview Overview, string? NationalId)> _requests = [];
    private readonly List<FeedbackOverview> _feedback = [];

    public void Add(RequestSubmitted submitted, long beneficiaryId) => _requests.Add((
        new RequestOverview(submitted.Reference, submitted.ServiceId, RequestStatus.Submitted, submitted.DueAt, beneficiaryId),
        submitted.Answers.GetValueOrDefault(RequestField.NationalId)));

    public void Add(FeedbackSubmitted submitted, long beneficiaryId, DateTimeOffset at) =>
        _feedback.Add(new FeedbackOverview(submitted.Reference, submitted.Kind, at, beneficiaryId));

    public void SetStatus(string reference, RequestStatus status)
    {
        var index = _requests.FindIndex(r => r.Overview.Reference == reference);
        _requests[index] = _requests[index] with { Overview = _requests[index].Overview with { Status = status } };
    }

    public IReadOnlyList<RequestOverview> OpenForBeneficiary(long beneficiaryId) =>
        _requests.Where(r => r.Overview.BeneficiaryId == beneficiaryId && r.Overview.Status.IsOpen()).Select(r => r.Overview).Reverse().ToList();

    public ConversationFacts Load(FactsQuery query, long beneficiaryId) => new(
        query.OwnRecords ? OpenForBeneficiary(beneficiaryId) : [],
        query.OwnRecords ? _feedback.Where(f => f.BeneficiaryId == beneficiaryId).Reverse().ToList() : [],
        query.Reference is { } reference ? _requests.Select(r => r.Overview).FirstOrDefault(r => r.Reference == reference) : null,
        query.Reference is { } feedbackReference ? _feedback.FirstOrDefault(f => f.Reference == feedbackReference) : null,
        query.Duplicate is { } key
            ? _requests.Where(r => r.Overview.ServiceId == key.ServiceId && r.NationalId == key.NationalId && r.Overview.Status.IsOpen())
                .Select(r => r.Overview).FirstOrDefault()
            : null);
}
