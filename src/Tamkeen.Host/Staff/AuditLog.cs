using Tamkeen.Host.Data;

namespace Tamkeen.Host.Staff;

/// <summary>Writes audit entries through the database writer. A change that has its own write adds its entry there, in the same commit.</summary>
public sealed class AuditLog(DatabaseWriter writer, TimeProvider time)
{
    public Task RecordAsync(string who, string action, string? subject = null, string? detail = null, CancellationToken ct = default)
    {
        var at = time.GetUtcNow();
        // Created inside the change: an adds-only change may run twice.
        return writer.WriteAsync(db => db.AuditEntries.Add(AuditEntry.Create(at, who, action, subject, detail)), ct);
    }
}
