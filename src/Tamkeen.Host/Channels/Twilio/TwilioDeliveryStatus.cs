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
        var id = await db.Outbox.Where(m => m.ProviderMessageId == messageSid).Select(m => (long?)m.Id).FirstOrDefaultAsync(cancellationToken);
        if (id is null) return false;

        var failed = status is "failed" or "undelivered";
        await writer.WriteAsync(async (changes, ct) =>
        {
            var row = changes.Outbox.Where(m => m.Id == id);
            // Callbacks can arrive out of order, and together: a late "sent" must not hide "delivered" or "failed", so
            // the check is part of the update.
            if (!Final.Contains(status)) row = row.Where(m => m.ProviderStatus == null || !Final.Contains(m.ProviderStatus));
            await row.ExecuteUpdateAsync(s =>
            {
                s.SetProperty(m => m.ProviderStatus, status);
                if (!failed) return;
                s.SetProperty(m => m.Status, DeliveryStatus.Failed);
                s.SetProperty(m => m.LastError, $"Twilio error {errorCode}");
            }, ct);
        }, cancellationToken);
        if (failed) logger.LogWarning("Twilio could not deliver outbox message {OutboxId}: {Status}, error {ErrorCode}", id, status, errorCode);
        return true;
    }
}
