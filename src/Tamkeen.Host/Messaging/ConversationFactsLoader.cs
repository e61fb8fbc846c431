using Microsoft.EntityFrameworkCore;
using Tamkeen.Core.Conversations;
using Tamkeen.Core.Requests;
using Tamkeen.Host.Data;
using Tamkeen.Host.Requests;

namespace Tamkeen.Host.Messaging;

/// <summary>Loads the stored records a conversation step may read (<see cref="ConversationEngine.Needs"/>), before the step runs.</summary>
public sealed class ConversationFactsLoader(IDbContextFactory<TamkeenDb> dbFactory)
{
    private const int ListedRecords = 10;

    private static readonly RequestStatus[] Closed = [RequestStatus.Rejected, RequestStatus.Completed];

    public async Task<ConversationFacts> LoadAsync(FactsQuery query, long beneficiaryId, CancellationToken cancellationToken)
    {
        if (query.IsEmpty) return ConversationFacts.None;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var requests = db.ServiceRequests.AsNoTracking();
        var ownRequests = query.OwnRecords
            ? await Overview(requests.Where(r => r.BeneficiaryId == beneficiaryId && !Closed.Contains(r.Status)).OrderByDescending(r => r.Id))
                .Take(ListedRecords).ToListAsync(cancellationToken)
            : [];
        var ownFeedback = query.OwnRecords
            ? await db.Feedback.AsNoTracking().Where(f => f.BeneficiaryId == beneficiaryId).OrderByDescending(f => f.Id).Take(3)
                .Select(f => new FeedbackOverview(f.Reference, f.Kind, f.CreatedAt, f.BeneficiaryId)).ToListAsync(cancellationToken)
            : [];
        var referenced = query.Reference is { } reference
            ? await Overview(requests.Where(r => r.Reference == reference)).FirstOrDefaultAsync(cancellationToken)
            : null;
        var referencedFeedback = query.Reference is { } feedbackReference
            ? await db.Feedback.AsNoTracking().Where(f => f.Reference == feedbackReference)
                .Select(f => new FeedbackOverview(f.Reference, f.Kind, f.CreatedAt, f.BeneficiaryId)).FirstOrDefaultAsync(cancellationToken)
            : null;
        var duplicate = query.Duplicate is { } key
            ? await Overview(requests.Where(r => r.ServiceId == key.ServiceId && r.NationalId == key.NationalId && !Closed.Contains(r.Status)))
                .FirstOrDefaultAsync(cancellationToken)
            : null;
        return new ConversationFacts(ownRequests, ownFeedback, referenced, referencedFeedback, duplicate);
    }

    private static IQueryable<RequestOverview> Overview(IQueryable<ServiceRequest> requests) =>
        requests.Select(r => new RequestOverview(r.Reference, r.ServiceId, r.Status, r.DueAt, r.BeneficiaryId));
}
