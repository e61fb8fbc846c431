namespace Tamkeen.Core.Requests;

public sealed record RequestOverview(string Reference, string ServiceId, RequestStatus Status, DateTimeOffset DueAt, long BeneficiaryId, string? NationalId);

/// <summary>Read-only access to stored requests, for duplicate checks and follow-up inside the conversation.</summary>
public interface IRequestLookup
{
    RequestOverview? FindOpen(string serviceId, string nationalId);

    IReadOnlyList<RequestOverview> ForBeneficiary(long beneficiaryId);

    RequestOverview? FindByReference(string reference);
}
