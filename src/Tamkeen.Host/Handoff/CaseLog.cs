using System.Text.Json;
using Tamkeen.Core.Conversations;
using Tamkeen.Host.Data;
using Tamkeen.Host.Messaging.Timers;

namespace Tamkeen.Host.Handoff;

/// <summary>Adds an entry to a case's timeline inside a database change, with the timer that announces it after the commit.</summary>
public static class CaseLog
{
    public static async Task<CaseEntry> AddAsync(TamkeenDb db, StaffCase staffCase, CaseEntryKind kind, DateTimeOffset at, string? by, string? text,
        IReadOnlyList<Attachment>? attachments, long? inboxMessageId, CancellationToken cancellationToken)
    {
        var entry = new CaseEntry
        {
            At = at, Kind = kind, By = by, Text = text, InboxMessageId = inboxMessageId,
            AttachmentsJson = attachments is { Count: > 0 } ? JsonSerializer.Serialize(attachments) : null,
        };
        // A case added in this change has no id yet: the navigation lets the save fill it in.
        if (staffCase.Id == 0) entry.Case = staffCase;
        else entry.CaseId = staffCase.Id;
        db.CaseEntries.Add(entry);
        await TimerTable.ScheduleAsync(db, $"case-notice/{entry.NoticeKey:N}", TimerKind.CaseNotice, at, null, null, cancellationToken);
        return entry;
    }
}
