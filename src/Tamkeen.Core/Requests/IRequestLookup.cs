namespace Tamkeen.Core.Requests;

public sealed record RequestOverview(string Reference, string ServiceId, RequestStatus Status, DateTimeOffset DueAt, long BeneficiaryId, string? NationalId);

/// <summary>Read-only access to stored requests, for duplicate checks and follow-up inside the conversation.</summary>
public interface IRequestLookup
{
    RequestOverview? FindOpen(string serviceId, string nationalId);

    /// <summary>The person's open requests, newest first.</summary>
    IReadOnlyList<RequestOverview> OpenForBeneficiary(long beneficiaryId);

    RequestOverview? FindByReference(string reference);
}
