using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Tamkeen.Core.Conversations;
using Tamkeen.Core.Requests;
using Tamkeen.Host.Data;
using Tamkeen.Host.Feedback;
using Tamkeen.Host.Messaging;
using Tamkeen.Host.Requests;
using Tamkeen.Host.Staff;

namespace Tamkeen.Host.Handoff;

/// <summary>Which cases a list shows.</summary>
public enum CaseFilter
{
    Active,
    Closed,
    All,
}

/// <param name="FirstName">From the person's latest request that gave a full name; null when none did.</param>
public sealed record CaseLine(StaffCase Case, string? FirstName);

/// <summary>One line of the person's conversation: what they sent (inbox) or what went to them (outbox).</summary>
/// <param name="Staff">The staff member who wrote a reply; null for the bot and the person.</param>
public sealed record TranscriptLine(DateTimeOffset At, bool FromPerson, string? Staff, Channel Channel, string Text,
    long? InboxMessageId, IReadOnlyList<Attachment> Attachments, ReplyDelivery? Delivery);

public sealed record CaseRequest(string Reference, string Service, string Status);

public sealed record CaseView(StaffCase Case, string? FirstName, IReadOnlyList<TranscriptLine> Transcript, IReadOnlyList<CaseRequest> Requests,
    IReadOnlyList<CaseEntry> Timeline);

/// <summary>
/// What the console and the API read of cases: the queue, and one case with the person's whole conversation across their
/// channels (ID and phone numbers masked), their requests and the case's timeline.
/// </summary>
public sealed class CaseConsole(IDbContextFactory<TamkeenDb> dbFactory, RequestConsole requests, UserManager<StaffUser> users)
{
    /// <summary>Active first, urgent first among them, then oldest.</summary>
    public async Task<IReadOnlyList<CaseLine>> ListAsync(CaseFilter filter, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Cases.AsNoTracking();
        query = filter switch
        {
            CaseFilter.Active => query.Where(c => c.Status == CaseStatus.Open || c.Status == CaseStatus.Claimed),
            CaseFilter.Closed => query.Where(c => c.Status != CaseStatus.Open && c.Status != CaseStatus.Claimed),
            _ => query,
        };
        var cases = (await query.ToListAsync(ct))
            .OrderByDescending(c => c.IsActive).ThenByDescending(c => c.IsActive && c.Urgent).ThenBy(c => c.IsActive ? c.OpenedAt : DateTimeOffset.MaxValue)
            .ThenByDescending(c => c.ClosedAt ?? c.OpenedAt).ToList();
        var people = cases.Select(c => c.BeneficiaryId).Distinct().ToList();
        var names = await FirstNamesAsync(db, people, ct);
        return cases.Select(c => new CaseLine(c, names.GetValueOrDefault(c.BeneficiaryId))).ToList();
    }

    public async Task<CaseView?> ReadAsync(string reference, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var staffCase = await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Reference == reference, ct);
        if (staffCase is null) return null;
        var person = staffCase.BeneficiaryId;
        var received = await db.Inbox.AsNoTracking().Where(m => m.BeneficiaryId == person && m.Kind == InputKind.Message).ToListAsync(ct);
        var sent = await db.Outbox.AsNoTracking().Where(m => m.BeneficiaryId == person).ToListAsync(ct);
        var staffInputs = await db.Inbox.AsNoTracking().Where(m => m.BeneficiaryId == person && m.Kind == InputKind.StaffAction)
            .Select(m => new { m.Id, m.PayloadJson, m.ReceivedAt, m.Channel }).ToListAsync(ct);
        var staffByInput = staffInputs.ToDictionary(m => m.Id, m => JsonSerializer.Deserialize<StaffActionPayload>(m.PayloadJson!)!);
        var answered = sent.Select(m => m.InboxMessageId).ToHashSet();
        // A reply the person's lane has not turned into a message yet: shown as staff wrote it, still to be sent.
        var waiting = staffInputs.Where(m => !answered.Contains(m.Id) && staffByInput[m.Id] is { Kind: Core.Handoff.StaffActionKind.Replied })
            .Select(m => new TranscriptLine(m.ReceivedAt, false, staffByInput[m.Id].Staff, m.Channel, ContactMask.Numbers(staffByInput[m.Id].Text ?? ""),
                null, [], new ReplyDelivery(DeliveryStatus.Pending, null)));

        var transcript = received.Select(m => new TranscriptLine(m.ReceivedAt, true, null, m.Channel, ContactMask.Numbers(m.Text ?? m.ButtonPayload ?? ""),
                m.Id, Attachments(m.AttachmentsJson), null))
            .Concat(sent.Select(m => new TranscriptLine(m.CreatedAt, false,
                m.InboxMessageId is { } id && staffByInput.TryGetValue(id, out var action) && action.Kind == Core.Handoff.StaffActionKind.Replied ? action.Staff : null,
                m.Channel, ContactMask.Numbers(m.Text), null, [], new ReplyDelivery(m.Status, m.Route))))
            .Concat(waiting)
            .OrderBy(l => l.At).ThenBy(l => l.FromPerson ? 0 : 1).ToList();

        var theirRequests = await db.ServiceRequests.AsNoTracking().Where(r => r.BeneficiaryId == person).OrderByDescending(r => r.Id)
            .Select(r => new { r.Reference, r.ServiceId, r.Status }).ToListAsync(ct);
        var timeline = await db.CaseEntries.AsNoTracking().Where(e => e.CaseId == staffCase.Id).OrderBy(e => e.Id).ToListAsync(ct);
        var names = await FirstNamesAsync(db, [person], ct);
        return new CaseView(staffCase, names.GetValueOrDefault(person), transcript,
            theirRequests.Select(r => new CaseRequest(r.Reference, requests.ServiceName(r.ServiceId), requests.StatusText(r.Status))).ToList(), timeline);
    }

    /// <summary>An attachment the person sent on a case's conversation; null unless that message is theirs.</summary>
    public async Task<Attachment?> FindAttachmentAsync(string reference, long inboxMessageId, int index, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var person = await db.Cases.AsNoTracking().Where(c => c.Reference == reference).Select(c => (long?)c.BeneficiaryId).SingleOrDefaultAsync(ct);
        if (person is null) return null;
        var json = await db.Inbox.AsNoTracking().Where(m => m.Id == inboxMessageId && m.BeneficiaryId == person).Select(m => m.AttachmentsJson).SingleOrDefaultAsync(ct);
        return Attachments(json).ElementAtOrDefault(index);
    }

    public static string AttachmentAddress(string reference, long inboxMessageId, int index) =>
        $"/staff/cases/{Uri.EscapeDataString(reference)}/messages/{inboxMessageId}/attachments/{index}";

    /// <summary>The signed-in staff member: their user name, and the name the person sees (the user name when no display name is set).</summary>
    public async Task<StaffMember> StaffAsync(ClaimsPrincipal user)
    {
        var name = user.Identity!.Name!;
        var account = await users.FindByNameAsync(name);
        return new StaffMember(name, account?.DisplayName is { Length: > 0 } shown ? shown : name);
    }

    private static async Task<Dictionary<long, string>> FirstNamesAsync(TamkeenDb db, List<long> people, CancellationToken ct)
    {
        var answers = await db.ServiceRequests.AsNoTracking().Where(r => people.Contains(r.BeneficiaryId)).OrderByDescending(r => r.Id)
            .Select(r => new { r.BeneficiaryId, r.AnswersJson }).ToListAsync(ct);
        return answers.GroupBy(a => a.BeneficiaryId)
            .Select(g => (g.Key, Name: g.Select(a => FullName(a.AnswersJson)).FirstOrDefault(n => n is not null)))
            .Where(p => p.Name is not null)
            .ToDictionary(p => p.Key, p => p.Name!.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0]);
    }

    private static string? FullName(string answersJson)
    {
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, string>>(answersJson)?.GetValueOrDefault(RequestFields.Code(RequestField.FullName)) is { } name
                && !string.IsNullOrWhiteSpace(name) ? name : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static List<Attachment> Attachments(string? json) => json is null ? [] : JsonSerializer.Deserialize<List<Attachment>>(json) ?? [];
}
