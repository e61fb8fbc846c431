using Tamkeen.Core.Conversations;
using Tamkeen.Core.Requests;

namespace Tamkeen.Core.Tests;

/// <summary>Requests kept in memory the way the host stores them, for conversations in unit tests.</summary>
internal sealed class StoredRequests : IRequestLookup
{
    private readonly List<RequestOverview> _requests = [];

    public void Add(RequestSubmitted submitted, long beneficiaryId) => _requests.Add(new RequestOverview(
        submitted.Reference, submitted.ServiceId, RequestStatus.Submitted, submitted.DueAt, beneficiaryId,
        submitted.Answers.GetValueOrDefault(RequestField.NationalId)));

    public void SetStatus(string reference, RequestStatus status)
    {
        var index = _requests.FindIndex(r => r.Reference == reference);
        _requests[index] = _requests[index] with { Status = status };
    }

    public RequestOverview? FindOpen(string serviceId, string nationalId) =>
        _requests.FirstOrDefault(r => r.ServiceId == serviceId && r.NationalId == nationalId && r.Status.IsOpen());

    public IReadOnlyList<RequestOverview> OpenForBeneficiary(long beneficiaryId) =>
        _requests.Where(r => r.BeneficiaryId == beneficiaryId && r.Status.IsOpen()).Reverse().ToList();

    public RequestOverview? FindByReference(string reference) => _requests.FirstOrDefault(r => r.Reference == reference);
}
