using Microsoft.EntityFrameworkCore;
using Tamkeen.Core.Requests;
using Tamkeen.Host.Data;

namespace Tamkeen.Host.Requests;

/// <summary>The conversation's read-only view of stored requests (it runs inside a lane, synchronously).</summary>
public sealed class RequestLookup(IDbContextFactory<TamkeenDb> dbFactory) : IRequestLookup
{
    private static readonly RequestStatus[] Closed = [RequestStatus.Rejected, RequestStatus.Completed];

    public RequestOverview? FindOpen(string serviceId, string nationalId)
    {
        using var db = dbFactory.CreateDbContext();
        return Overview(db.ServiceRequests.Where(r => r.ServiceId == serviceId && r.NationalId == nationalId && !Closed.Contains(r.Status)))
            .FirstOrDefault();
    }

    public IReadOnlyList<RequestOverview> OpenForBeneficiary(long beneficiaryId)
    {
        using var db = dbFactory.CreateDbContext();
        return Overview(db.ServiceRequests.Where(r => r.BeneficiaryId == beneficiaryId && !Closed.Contains(r.Status)).OrderByDescending(r => r.Id)).Take(10).ToList();
    }

    public RequestOverview? FindByReference(string reference)
    {
        using var db = dbFactory.CreateDbContext();
        return Overview(db.ServiceRequests.Where(r => r.Reference == reference)).FirstOrDefault();
    }

    private static IQueryable<RequestOverview> Overview(IQueryable<ServiceRequest> requests) =>
        requests.AsNoTracking().Select(r => new RequestOverview(r.Reference, r.ServiceId, r.Status, r.DueAt, r.BeneficiaryId, r.NationalId));
}
