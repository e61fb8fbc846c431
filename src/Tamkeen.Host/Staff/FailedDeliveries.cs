using Microsoft.EntityFrameworkCore;
using Tamkeen.Host.Data;
using Tamkeen.Host.Messaging;

namespace Tamkeen.Host.Staff;

/// <summary>Replies that could not be delivered (bad number, blocked bot, STOP, gave up after retries), for staff to follow up.</summary>
public static class FailedDeliveries
{
    private const int Shown = 200;

    public static void MapFailedDeliveries(this RouteGroupBuilder staff) => staff.MapGet("/api/failed-deliveries", async (IDbContextFactory<TamkeenDb> dbFactory, CancellationToken ct) =>
        Results.Ok((await LatestAsync(dbFactory, ct)).Select(m => new
        {
            id = m.Id, beneficiaryId = m.BeneficiaryId, channel = m.Channel.ToString(), to = ContactMask.Address(m.Address),
            error = m.LastError, attempts = m.Attempts, providerStatus = m.ProviderStatus, createdAt = m.CreatedAt,
        })));

    public static async Task<List<OutboxMessage>> LatestAsync(IDbContextFactory<TamkeenDb> dbFactory, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Failed(db).Take(Shown).ToListAsync(ct);
    }

    /// <summary>A page of them for the console, the newest first.</summary>
    public static async Task<ListPage<OutboxMessage>> PageAsync(IDbContextFactory<TamkeenDb> dbFactory, int? page, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Failed(db).PageAsync(page, ct);
    }

    private static IQueryable<OutboxMessage> Failed(TamkeenDb db) =>
        db.Outbox.AsNoTracking().Where(m => m.Status == DeliveryStatus.Failed).OrderByDescending(m => m.Id);
}
