using Tamkeen.Core.Surveys;
using Tamkeen.Host.Surveys;
using Microsoft.EntityFrameworkCore;
using Tamkeen.Core.Conversations;
using Tamkeen.Core.Handoff;
using Tamkeen.Host.Data;
using Tamkeen.Host.Messaging;
using Tamkeen.Host.Messaging.Timers;
using Tamkeen.Host.Staff;

namespace Tamkeen.Host.Handoff;

public enum CaseOutcome
{
    Done,
    NotFound,
    /// <summary>Another staff member claimed it first (<see cref="CaseActionResult.ClaimedBy"/>).</summary>
    ClaimedByOther,
    /// <summary>Closed, released or withdrawn: reopen it first.</summary>
    NotActive,
    /// <summary>Already open or claimed: nothing to reopen.</summary>
    StillActive,
    /// <summary>The person has another open case now; that one is where to answer.</summary>
    OtherCaseOpen,
}

public sealed record CaseActionResult(CaseOutcome Outcome, string? ClaimedBy = null);

/// <param name="User">The staff account's user name: audit and timeline.</param>
/// <param name="DisplayName">How the person sees them sign a reply.</param>
public sealed record StaffMember(string User, string DisplayName);

/// <summary>
/// What staff do on a case, for the console, the API and the Telegram group alike: claim, reply, release, close,
/// reopen. Each is one commit with its timeline entry and audit entry; what the person must hear goes into their lane.
/// </summary>
public sealed class CaseDesk(
    IDbContextFactory<TamkeenDb> dbFactory, DatabaseWriter writer, ConversationLanes lanes, CaseTimers timers, PollTrigger polls, TimerSignal timerSignal,
    TimeProvider time)
{
    /// <summary>Atomic: of two staff claiming at once, one wins and the other learns who.</summary>
    public async Task<CaseActionResult> ClaimAsync(string reference, StaffMember staff, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var claimed = false;
        await writer.WriteAsync(async (db, token) =>
        {
            claimed = await db.Cases.Where(c => c.Reference == reference && c.Status == CaseStatus.Open && c.ClaimedBy == null)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CaseStatus.Claimed)
                    .SetProperty(c => c.ClaimedBy, staff.User).SetProperty(c => c.ClaimedAt, now), token) == 1;
            if (!claimed) return;
            var staffCase = await db.Cases.AsNoTracking().SingleAsync(c => c.Reference == reference, token);
            await CaseLog.AddAsync(db, staffCase, CaseEntryKind.Claimed, now, staff.User, null, null, null, token);
            await timers.ClaimedAsync(db, reference, token);
            db.AuditEntries.Add(AuditEntry.Create(now, staff.User, AuditActions.CaseClaimed, reference));
        }, ct);
        if (claimed)
        {
            timerSignal.Scheduled(now);
            return new(CaseOutcome.Done, staff.User);
        }
        var current = await FindAsync(reference, ct);
        return current switch
        {
            null => new(CaseOutcome.NotFound),
            { IsActive: false } => new(CaseOutcome.NotActive),
            _ => new(current.ClaimedBy == staff.User ? CaseOutcome.Done : CaseOutcome.ClaimedByOther, current.ClaimedBy),
        };
    }

    /// <summary>Goes to the person on the channel they last used; an unclaimed case is claimed by whoever answers it.</summary>
    public Task<CaseActionResult> ReplyAsync(string reference, StaffMember staff, string text, IReadOnlyList<Attachment> attachments, CancellationToken ct) =>
        ActAsync(reference, staff, StaffActionKind.Replied, text.Trim(), attachments, null, ct);

    /// <summary>As <see cref="ReplyAsync"/>, once per <paramref name="sourceId"/>: a reply handled again after a crash is not sent again.</summary>
    public Task<CaseActionResult> ReplyOnceAsync(string sourceId, string reference, StaffMember staff, string text, IReadOnlyList<Attachment> attachments,
        CancellationToken ct) =>
        ActAsync(reference, staff, StaffActionKind.Replied, text.Trim(), attachments, sourceId, ct);

    public Task<CaseActionResult> ReleaseAsync(string reference, StaffMember staff, CancellationToken ct) =>
        ActAsync(reference, staff, StaffActionKind.Released, null, [], null, ct);

    public Task<CaseActionResult> CloseAsync(string reference, StaffMember staff, CancellationToken ct) =>
        ActAsync(reference, staff, StaffActionKind.Closed, null, [], null, ct);

    /// <summary>A closed or released case is taken up again by <paramref name="staff"/>; the person hears at the next reply.</summary>
    public Task<CaseActionResult> ReopenAsync(string reference, StaffMember staff, CancellationToken ct) =>
        ActAsync(reference, staff, StaffActionKind.Reopened, null, [], null, ct);

    private async Task<CaseActionResult> ActAsync(string reference, StaffMember staff, StaffActionKind kind, string? text,
        IReadOnlyList<Attachment> attachments, string? sourceId, CancellationToken ct)
    {
        StaffCase? staffCase;
        InboxMessage? last;
        bool otherOpen;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            staffCase = await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Reference == reference, ct);
            if (staffCase is null) return new(CaseOutcome.NotFound);
            last = await InboxMessage.LastFromPersonAsync(db.Inbox, staffCase.BeneficiaryId, ct);
            otherOpen = kind == StaffActionKind.Reopened && await db.Cases.AnyAsync(
                c => c.BeneficiaryId == staffCase.BeneficiaryId && c.Id != staffCase.Id && (c.Status == CaseStatus.Open || c.Status == CaseStatus.Claimed), ct);
        }
        if (kind == StaffActionKind.Reopened && staffCase.IsActive) return new(CaseOutcome.StillActive, staffCase.ClaimedBy);
        if (kind != StaffActionKind.Reopened && !staffCase.IsActive) return new(CaseOutcome.NotActive, staffCase.ClaimedBy);
        if (otherOpen) return new(CaseOutcome.OtherCaseOpen);

        var now = time.GetUtcNow();
        InboxMessage? input = null;
        DateTimeOffset? pollAt = null;
        var claimedBy = staffCase.ClaimedBy ?? staff.User;
        var repeated = false;
        await writer.WriteAsync(async (db, token) =>
        {
            if (sourceId is not null && last is not null && await db.Inbox.AnyAsync(m => m.Channel == last.Channel && m.ChannelMessageId == sourceId, token))
            {
                repeated = true;
                return;
            }
            var row = new StaffCase { Id = staffCase.Id, Reference = staffCase.Reference };
            db.Cases.Attach(row);
            switch (kind)
            {
                case StaffActionKind.Replied:
                    row.Status = CaseStatus.Claimed;
                    row.ClaimedBy = claimedBy;
                    row.ClaimedAt = staffCase.ClaimedAt ?? now;
                    row.FirstReplyAt = staffCase.FirstReplyAt ?? now;
                    await timers.StopAsync(db, reference, token);
                    break;
                case StaffActionKind.Released or StaffActionKind.Closed:
                    row.Status = kind == StaffActionKind.Closed ? CaseStatus.Closed : CaseStatus.Released;
                    row.ClosedAt = now;
                    row.ClosedBy = staff.User;
                    await timers.StopAsync(db, reference, token);
                    pollAt = await polls.ScheduleAsync(db, staffCase.BeneficiaryId, new PollTopic(PollSubject.Case, reference, kind.ToString()), now, token);
                    break;
                case StaffActionKind.Reopened:
                    row.Status = CaseStatus.Claimed;
                    row.ClaimedBy = staff.User;
                    row.ClaimedAt = now;
                    row.ClosedAt = null;
                    row.ClosedBy = null;
                    break;
            }
            foreach (var property in Changed(kind)) db.Entry(row).Property(property).IsModified = true;
            if (last is not null)
            {
                db.Inbox.Add(input = InboxMessage.ForStaffAction(last, new StaffActionPayload(reference, kind, staff.DisplayName, text, attachments), now, sourceId));
            }
            // A reply that claims the case says so first, so the card shows who has it.
            if (kind == StaffActionKind.Replied && staffCase.ClaimedBy is null)
                await CaseLog.AddAsync(db, staffCase, CaseEntryKind.Claimed, now, staff.User, null, null, null, token);
            var entry = await CaseLog.AddAsync(db, staffCase, EntryKind(kind), now, staff.User, text, attachments, null, token);
            if (input is not null) entry.InboxMessage = input;
            db.AuditEntries.Add(AuditEntry.Create(now, staff.User, AuditAction(kind), reference));
        }, committed: () =>
        {
            if (input is not null) lanes.Enqueue(input);
        }, ct);
        if (repeated) return new(CaseOutcome.Done, claimedBy);
        timerSignal.Scheduled(now);
        if (pollAt is { } due) timerSignal.Scheduled(due);
        return new(CaseOutcome.Done, kind is StaffActionKind.Replied ? claimedBy : staff.User);
    }

    private async Task<StaffCase?> FindAsync(string reference, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Reference == reference, ct);
    }

    private static string[] Changed(StaffActionKind kind) => kind switch
    {
        StaffActionKind.Replied => [nameof(StaffCase.Status), nameof(StaffCase.ClaimedBy), nameof(StaffCase.ClaimedAt), nameof(StaffCase.FirstReplyAt)],
        StaffActionKind.Reopened => [nameof(StaffCase.Status), nameof(StaffCase.ClaimedBy), nameof(StaffCase.ClaimedAt), nameof(StaffCase.ClosedAt), nameof(StaffCase.ClosedBy)],
        _ => [nameof(StaffCase.Status), nameof(StaffCase.ClosedAt), nameof(StaffCase.ClosedBy)],
    };

    private static CaseEntryKind EntryKind(StaffActionKind kind) => kind switch
    {
        StaffActionKind.Replied => CaseEntryKind.StaffReplied,
        StaffActionKind.Released => CaseEntryKind.Released,
        StaffActionKind.Closed => CaseEntryKind.Closed,
        _ => CaseEntryKind.Reopened,
    };

    private static string AuditAction(StaffActionKind kind) => kind switch
    {
        StaffActionKind.Replied => AuditActions.CaseReplied,
        StaffActionKind.Released => AuditActions.CaseReleased,
        StaffActionKind.Closed => AuditActions.CaseClosed,
        _ => AuditActions.CaseReopened,
    };
}
