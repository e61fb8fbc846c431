using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Tamkeen.Core.Conversations;
using Tamkeen.Core.Feedback;
using Tamkeen.Host.Content;
using Tamkeen.Host.Data;
using Tamkeen.Host.Messaging;
using Tamkeen.Host.Staff;

namespace Tamkeen.Host.Feedback;

/// <summary>Who sent a suggestion or complaint, as staff see it: the name from their latest request, the channel, a masked contact.</summary>
public sealed record FeedbackSender(string? Name, Channel? Channel, string? Contact);

/// <summary>A suggestion or complaint with its sender, for the console.</summary>
public sealed record FeedbackView(FeedbackItem Item, FeedbackSender Sender);

/// <summary>How a reply went: its outbox status, and the route when not the plain way (WhatsApp's template, the SMS fallback).</summary>
public sealed record ReplyDelivery(DeliveryStatus Status, string? Route);

/// <summary>
/// What staff do with suggestions and complaints: a status, an assignee, an internal note, a reply to the person. Each
/// change is written through the <see cref="DatabaseWriter"/> with its history entry and its audit entry in one commit; a
/// reply is an outbox row to the channel and address the person last wrote from, in the language of their conversation,
/// handed to the dispatcher after that commit.
/// </summary>
public sealed class FeedbackDesk(
    IDbContextFactory<TamkeenDb> dbFactory, DatabaseWriter writer, OutboxSignal outbox, BotContent content, IEnumerable<IChannelSender> senders,
    TimeProvider time)
{
    private readonly HashSet<Channel> _channelsOn = senders.Select(s => s.Channel).ToHashSet();

    /// <summary>A page of the suggestions and complaints, the newest first.</summary>
    public async Task<ListPage<FeedbackView>> ListAsync(FeedbackKind? kind, FeedbackStatus? status, int? page, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Feedback.AsNoTracking();
        if (kind is { } k) query = query.Where(f => f.Kind == k);
        if (status is { } s) query = query.Where(f => f.Status == s);
        var items = await query.OrderByDescending(f => f.Id).PageAsync(page, ct);
        var senders = await SendersAsync(db, items.Items.Select(f => f.BeneficiaryId).Distinct().ToList(), ct);
        return items.With(items.Items.Select(f => new FeedbackView(f, senders[f.BeneficiaryId])).ToList());
    }

    public async Task<FeedbackView?> FindAsync(string reference, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var item = await db.Feedback.AsNoTracking().SingleOrDefaultAsync(f => f.Reference == reference, ct);
        if (item is null) return null;
        return new FeedbackView(item, (await SendersAsync(db, [item.BeneficiaryId], ct))[item.BeneficiaryId]);
    }

    /// <summary>The item's history, oldest first, with how each reply went.</summary>
    public async Task<List<(FeedbackHistoryEntry Entry, ReplyDelivery? Delivery)>> HistoryAsync(long feedbackId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entries = await db.FeedbackHistory.AsNoTracking().Where(h => h.FeedbackItemId == feedbackId).OrderBy(h => h.Id).ToListAsync(ct);
        var ids = entries.Where(e => e.OutboxMessageId is not null).Select(e => e.OutboxMessageId!.Value).ToList();
        var deliveries = await db.Outbox.AsNoTracking().Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => new ReplyDelivery(m.Status, m.Route), ct);
        return entries.Select(e => (e, e.OutboxMessageId is { } id ? deliveries.GetValueOrDefault(id) : null)).ToList();
    }

    /// <summary>The user names of the staff accounts, to assign to.</summary>
    public async Task<List<string>> StaffNamesAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Users.AsNoTracking().Where(u => u.UserName != null).OrderBy(u => u.UserName).Select(u => u.UserName!).ToListAsync(ct);
    }

    public async Task<bool> ChangeStatusAsync(string reference, FeedbackStatus status, string staff, CancellationToken ct)
    {
        var item = await ItemAsync(reference, ct);
        if (item is null) return false;
        if (item.Status == status) return true;
        await UpdateAsync(item, staff, s => s.SetProperty(f => f.Status, status), new FeedbackHistoryEntry { By = staff, Status = status },
            AuditActions.FeedbackStatusChanged, $"{item.Status} → {status}", ct);
        return true;
    }

    /// <summary>Assigns it to a staff account (by user name), or to nobody with null. False when the item or the account does not exist.</summary>
    public async Task<bool> AssignAsync(string reference, string? assignee, string staff, CancellationToken ct)
    {
        var item = await ItemAsync(reference, ct);
        if (item is null) return false;
        if (assignee is not null)
        {
            await using var read = await dbFactory.CreateDbContextAsync(ct);
            var normalized = assignee.ToUpperInvariant();
            assignee = await read.Users.Where(u => u.NormalizedUserName == normalized).Select(u => u.UserName).SingleOrDefaultAsync(ct);
            if (assignee is null) return false;
        }
        if (item.AssignedTo == assignee) return true;
        await UpdateAsync(item, staff, s => s.SetProperty(f => f.AssignedTo, assignee), new FeedbackHistoryEntry { By = staff, AssignedTo = assignee ?? "" },
            AuditActions.FeedbackAssigned, $"{item.AssignedTo ?? "-"} → {assignee ?? "-"}", ct);
        return true;
    }

    /// <summary>Saves the internal note (never sent); an empty one clears it.</summary>
    public async Task<bool> SaveNoteAsync(string reference, string? note, string staff, CancellationToken ct)
    {
        var item = await ItemAsync(reference, ct);
        if (item is null) return false;
        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (item.InternalNote == note) return true;
        // The note's text stays out of the audit log: it is internal, and the history keeps it.
        await UpdateAsync(item, staff, s => s.SetProperty(f => f.InternalNote, note), new FeedbackHistoryEntry { By = staff, Note = note ?? "" },
            AuditActions.FeedbackNoteSaved, note is null ? "cleared" : null, ct);
        return true;
    }

    /// <summary>One change of an item: its columns, the history entry that says so and the audit entry, in one commit.</summary>
    private Task UpdateAsync(FeedbackItem item, string staff, Action<UpdateSettersBuilder<FeedbackItem>> set, FeedbackHistoryEntry history,
        string action, string? detail, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        (history.FeedbackItemId, history.At) = (item.Id, now);
        return writer.WriteAsync(async (db, token) =>
        {
            await db.Feedback.Where(f => f.Id == item.Id).ExecuteUpdateAsync(s =>
            {
                set(s);
                s.SetProperty(f => f.UpdatedAt, now);
            }, token);
            db.FeedbackHistory.Add(history);
            db.AuditEntries.Add(AuditEntry.Create(now, staff, action, item.Reference, detail));
        }, ct);
    }

    /// <summary>
    /// Sends a reply into the person's chat, on the channel and to the address they last wrote from, and returns the text
    /// as sent (the reference before it, in the conversation's language). Null when the item does not exist or the person
    /// never wrote (nowhere to send). A channel since turned off gets the row already failed, which the history shows.
    /// </summary>
    public async Task<string?> ReplyAsync(string reference, string reply, string staff, CancellationToken ct)
    {
        var item = await ItemAsync(reference, ct);
        if (item is null) return null;
        InboxMessage? last;
        Language language;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            last = await InboxMessage.LastFromPersonAsync(db.Inbox, item.BeneficiaryId, ct);
            language = await db.Conversations.AsNoTracking().Where(c => c.BeneficiaryId == item.BeneficiaryId)
                .Select(c => (Language?)c.Language).FirstOrDefaultAsync(ct) ?? Language.Arabic;
        }
        if (last is null) return null;
        var text = ReplyText(item, reply.Trim(), language, last.Channel);
        var now = time.GetUtcNow();
        OutboxMessage? row = null;
        await writer.WriteAsync(changes =>
        {
            // Created inside the change: an adds-only change may run twice. News the bot starts: WhatsApp outside its
            // 24-hour window sends it as a template (or SMS).
            row = OutboxMessage.ReplyTo(last, new OutboundMessage(text, []), now, startedByBot: true).FailedWhenOff(_channelsOn);
            row.InboxMessageId = null;
            changes.Outbox.Add(row);
            changes.FeedbackHistory.Add(new FeedbackHistoryEntry { FeedbackItemId = item.Id, At = now, By = staff, Reply = text, OutboxMessage = row });
            changes.AuditEntries.Add(AuditEntry.Create(now, staff, AuditActions.FeedbackReplied, reference, $"{last.Channel}"));
        }, ct);
        outbox.Committed([row!]);
        return text;
    }

    /// <summary>
    /// The reply as the person reads it: which of theirs it answers, then staff's words. In Arabic the reference is
    /// isolated to stay left to right; English goes without the marks, which would make an SMS cost UCS-2 segments.
    /// </summary>
    private string ReplyText(FeedbackItem item, string reply, Language language, Channel channel) =>
        content.Texts[language, item.Kind == FeedbackKind.Complaint ? TextKey.FeedbackReplyComplaint : TextKey.FeedbackReplySuggestion, channel]
            .Replace("{reference}", language == Language.Arabic ? $"\u2066{item.Reference}\u2069" : item.Reference, StringComparison.Ordinal)
            .Replace("{reply}", reply, StringComparison.Ordinal);

    private async Task<FeedbackItem?> ItemAsync(string reference, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Feedback.AsNoTracking().SingleOrDefaultAsync(f => f.Reference == reference, ct);
    }

    private static async Task<Dictionary<long, FeedbackSender>> SendersAsync(TamkeenDb db, List<long> beneficiaries, CancellationToken ct)
    {
        var lastMessages = await db.Inbox.AsNoTracking()
            .Where(m => beneficiaries.Contains(m.BeneficiaryId) && m.Kind == InputKind.Message)
            .GroupBy(m => m.BeneficiaryId).Select(g => g.OrderByDescending(m => m.Id).First()).ToListAsync(ct);
        var identities = await db.ChannelIdentities.AsNoTracking().Where(i => beneficiaries.Contains(i.BeneficiaryId)).ToListAsync(ct);
        var answers = await db.ServiceRequests.AsNoTracking().Where(r => beneficiaries.Contains(r.BeneficiaryId))
            .OrderByDescending(r => r.Id).Select(r => new { r.BeneficiaryId, r.AnswersJson }).ToListAsync(ct);
        return beneficiaries.ToDictionary(id => id, id =>
        {
            var last = lastMessages.FirstOrDefault(m => m.BeneficiaryId == id);
            var identity = last is null ? null : identities.FirstOrDefault(i => i.Channel == last.Channel && i.Address == last.SenderAddress);
            var phone = identity?.Phone ?? identities.FirstOrDefault(i => i.BeneficiaryId == id && i.Phone is not null)?.Phone;
            var contact = phone is not null ? ContactMask.Address(phone)
                : last is null || last.Channel == Channel.WebChat ? null
                : ContactMask.Address(last.SenderAddress);
            var name = answers.Where(a => a.BeneficiaryId == id).Select(a => FullName(a.AnswersJson)).FirstOrDefault(n => n is not null);
            return new FeedbackSender(name, last?.Channel, contact);
        });
    }

    private static string? FullName(string answersJson)
    {
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, string>>(answersJson)?.GetValueOrDefault("full-name");
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
