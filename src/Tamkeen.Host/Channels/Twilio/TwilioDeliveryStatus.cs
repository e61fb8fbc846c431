using Microsoft.EntityFrameworkCore;
using Tamkeen.Host.Data;
using Tamkeen.Host.Messaging;

namespace Tamkeen.Host.Channels.Twilio;

/// <summary>
/// Records Twilio's status callbacks on the outbox row of the message (by MessageSid). A message Twilio could not
/// deliver becomes Failed with Twilio's error code, where staff see failed deliveries.
/// </summary>
public sealed class TwilioDeliveryStatus(IDbContextFactory<TamkeenDb> dbFactory, DatabaseWriter writer, ILogger<TwilioDeliveryStatus> logger)
{
    private static readonly HashSet<string> Final = ["delivered", "read", "undelivered", "failed"];

    /// <returns>False when no sent message has this MessageSid.</returns>
    public async Task<bool> RecordAsync(string messageSid, string status, string? errorCode, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.Outbox.AsNoTracking().Where(m => m.ProviderMessageId == messageSid)
            .Select(m => new { m.Id, m.ProviderStatus }).FirstOrDefaultAsync(cancellationToken);
        if (row is null) return false;
        // Callbacks can arrive out of order: a late "sent" must not hide "delivered" or "failed".
        if (row.ProviderStatus is not null && Final.Contains(row.ProviderStatus) && !Final.Contains(status)) return true;

        var failed = status is "failed" or "undelivered";
        await writer.WriteAsync(changes =>
        {
            var stub = new OutboxMessage { Id = row.Id, Address = "", Text = "" };
            changes.Outbox.Attach(stub);
            stub.ProviderStatus = status;
            changes.Entry(stub).Property(m => m.ProviderStatus).IsModified = true;
            if (!failed) return;
            stub.Status = DeliveryStatus.Failed;
            stub.LastError = $"Twilio error {errorCode}";
            changes.Entry(stub).Property(m => m.Status).IsModified = true;
            changes.Entry(stub).Property(m => m.LastError).IsModified = true;
        }, cancellationToken);
        if (failed) logger.LogWarning("Twilio could not deliver outbox message {OutboxId}: {Status}, error {ErrorCode}", row.Id, status, errorCode);
        return true;
    }
}
