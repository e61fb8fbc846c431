namespace Tamkeen.Host.Handoff;

/// <summary>
/// Tells one audience about a step of a case (the staff Telegram group, the console's live queue, the outgoing webhook).
/// Called at least once per entry after its commit; a repeat must not post twice (the entry's id is the key).
/// </summary>
public interface ICaseAlerter
{
    Task AnnounceAsync(StaffCase staffCase, CaseEntry entry, CancellationToken cancellationToken);
}
