using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tamkeen.Core.Conversations;
using Tamkeen.Host.Data;
using Tamkeen.Host.Messaging;

namespace Tamkeen.Host.Handoff.Telegram;

/// <summary>
/// Posts each step of a case to the staff Telegram group through the outbox: the card when it opens (again, mentioning the
/// managers, when it waits unclaimed), the card rewritten when it is claimed or ends, and what the person and staff write
/// as replies under the card. With Handoff:UseForumTopics the case first gets a topic of its own, where all of it is posted, closed when the case ends.
/// </summary>
public sealed class TelegramCaseAlerter(DatabaseWriter writer, OutboxSignal outbox, IOptions<HandoffOptions> options, TimeProvider time)
    : ICaseAlerter
{
    private readonly string _group = options.Value.TelegramGroupId!.Value.ToString(CultureInfo.InvariantCulture);

    public async Task AnnounceAsync(StaffCase staffCase, CaseEntry entry, CancellationToken cancellationToken)
    {
        List<OutboxMessage> rows = [];
        try
        {
            await writer.WriteAsync(async (db, ct) =>
            {
                rows.Clear();
                if (await db.Outbox.AnyAsync(m => m.CaseEntryId == entry.Id, ct)) return;
                if (await PostAsync(db, staffCase, entry, ct) is not var (kind, text, buttons)) return;
                var now = time.GetUtcNow();
                var hasTopic = options.Value.UseForumTopics && await db.Outbox.AnyAsync(m => m.CaseId == staffCase.Id && m.GroupPost == StaffGroupPost.Topic, ct);
                OutboxMessage Post(StaffGroupPost post, string text) => new()
                {
                    Recipient = OutboxRecipient.StaffGroup, Channel = Channel.Telegram, Address = _group, CaseId = staffCase.Id,
                    GroupPost = post, Text = text, StartedByBot = true, CreatedAt = now, NextAttemptAt = now,
                };
                if (kind == StaffGroupPost.Card && options.Value.UseForumTopics && !hasTopic) rows.Add(Post(StaffGroupPost.Topic, CaseCard.TopicName(staffCase)));
                if (hasTopic && entry.Kind == CaseEntryKind.Reopened) rows.Add(Post(StaffGroupPost.TopicReopened, ""));
                var row = Post(kind, text);
                row.CaseEntryId = entry.Id;
                row.ButtonsJson = ButtonsJson.Write(buttons);
                rows.Add(row);
                if (hasTopic && entry.Kind is CaseEntryKind.Closed or CaseEntryKind.Released or CaseEntryKind.Withdrawn)
                    rows.Add(Post(StaffGroupPost.TopicClosed, ""));
                db.Outbox.AddRange(rows);
            }, committed: () =>
            {
                if (rows.Count > 0) outbox.Committed(rows);
            }, cancellationToken);
        }
        catch (Exception e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            // Announced at the same time by another run of this notice: it is posted once.
        }
    }

    private async Task<(StaffGroupPost, string, IReadOnlyList<ReplyButton>)?> PostAsync(TamkeenDb db, StaffCase staffCase, CaseEntry entry, CancellationToken ct)
    {
        // The case as it is now: the notice may come a while after the entry.
        var current = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == staffCase.Id, ct);
        var consoleBaseUrl = options.Value.ConsoleBaseUrl;
        switch (entry.Kind)
        {
            case CaseEntryKind.Opened or CaseEntryKind.Reposted:
                var (card, buttons) = await CaseCard.BuildAsync(db, current, consoleBaseUrl, entry.Kind == CaseEntryKind.Reposted, ct);
                if (entry.Kind == CaseEntryKind.Reposted) card = "⏰ <b>لم يستلمها أحد بعد</b>\n" + card;
                return (StaffGroupPost.Card, card, buttons);
            case CaseEntryKind.Claimed or CaseEntryKind.Closed or CaseEntryKind.Released or CaseEntryKind.Withdrawn or CaseEntryKind.Reopened:
                var (edited, left) = await CaseCard.BuildAsync(db, current, consoleBaseUrl, false, ct);
                return (StaffGroupPost.CardEdit, edited, left);
            case CaseEntryKind.PersonWrote when entry.Text is { Length: > 0 } said:
                return (StaffGroupPost.Reply, "✉️ كتب الشخص:\n" + CaseCard.Masked(said), []);
            case CaseEntryKind.StaffReplied when entry.Text is { Length: > 0 } reply:
                var by = entry.By is null ? "" : await CaseCard.DisplayNameAsync(db, entry.By, ct);
                return (StaffGroupPost.Reply, $"↩️ ردّ {CaseCard.Html(by)}:\n{CaseCard.Masked(reply)}", []);
            case CaseEntryKind.StillUnanswered:
                return (StaffGroupPost.Reply, "⏰ لم يصل الشخصَ ردٌّ من الموظفين بعد." + await CaseCard.ManagersAsync(db, ct), []);
            case CaseEntryKind.Raised:
                return (StaffGroupPost.Reply, current.Urgent ? "🔴 صارت الحالة <b>عاجلة</b>." : "طلب الشخص موظفاً مرة أخرى.", []);
            default:
                return null;
        }
    }
}
