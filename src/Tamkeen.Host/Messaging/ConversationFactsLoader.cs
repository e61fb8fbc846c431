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

    // Compiled once: a LINQ query built per call costs more to translate its parameters than to run on SQLite.
    private static readonly Func<TamkeenDb, long, IAsyncEnumerable<RequestOverview>> OwnRequests = EF.CompileAsyncQuery((TamkeenDb db, long id) =>
        db.ServiceRequests.AsNoTracking().Where(r => r.BeneficiaryId == id && !Closed.Contains(r.Status)).OrderByDescending(r => r.Id)
            .Select(r => new RequestOverview(r.Reference, r.ServiceId, r.Status, r.DueAt, r.BeneficiaryId)).Take(ListedRecords));

    private static readonly Func<TamkeenDb, long, IAsyncEnumerable<FeedbackOverview>> OwnFeedback = EF.CompileAsyncQuery((TamkeenDb db, long id) =>
        db.Feedback.AsNoTracking().Where(f => f.BeneficiaryId == id).OrderByDescending(f => f.Id).Take(3)
            .Select(f => new FeedbackOverview(f.Reference, f.Kind, f.CreatedAt, f.BeneficiaryId)));

    private static readonly Func<TamkeenDb, string, Task<RequestOverview?>> RequestByReference = EF.CompileAsyncQuery((TamkeenDb db, string reference) =>
        db.ServiceRequests.AsNoTracking().Where(r => r.Reference == reference)
            .Select(r => new RequestOverview(r.Reference, r.ServiceId, r.Status, r.DueAt, r.BeneficiaryId)).FirstOrDefault());

    private static readonly Func<TamkeenDb, string, Task<FeedbackOverview?>> FeedbackByReference = EF.CompileAsyncQuery((TamkeenDb db, string reference) =>
        db.Feedback.AsNoTracking().Where(f => f.Reference == reference)
            .Select(f => new FeedbackOverview(f.Reference, f.Kind, f.CreatedAt, f.BeneficiaryId)).FirstOrDefault());

    private static readonly Func<TamkeenDb, string, string, Task<RequestOverview?>> OpenDuplicate = EF.CompileAsyncQuery(
        (TamkeenDb db, string serviceId, string nationalId) => db.ServiceRequests.AsNoTracking()
            .Where(r => r.ServiceId == serviceId && r.NationalId == nationalId && !Closed.Contains(r.Status))
            .Select(r => new RequestOverview(r.Reference, r.ServiceId, r.Status, r.DueAt, r.BeneficiaryId)).FirstOrDefault());

    public async Task<ConversationFacts> LoadAsync(FactsQuery query, long beneficiaryId, CancellationToken cancellationToken)
    {
        if (query.IsEmpty) return ConversationFacts.None;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var ownRequests = query.OwnRecords ? await OwnRequests(db, beneficiaryId).ToListAsync(cancellationToken) : [];
        var ownFeedback = query.OwnRecords ? await OwnFeedback(db, beneficiaryId).ToListAsync(cancellationToken) : [];
        var referenced = query.Reference is { } reference ? await RequestByReference(db, reference) : null;
        var referencedFeedback = query.Reference is { } feedbackReference ? await FeedbackByReference(db, feedbackReference) : null;
        var duplicate = query.Duplicate is { } key ? await OpenDuplicate(db, key.ServiceId, key.NationalId) : null;
        return new ConversationFacts(ownRequests, ownFeedback, referenced, referencedFeedback, duplicate);
    }
}
