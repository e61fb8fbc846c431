using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;
using System.Threading.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types;
using Tamkeen.Host.Channels.Telegram;
using Tamkeen.Host.Data;
using Tamkeen.Host.Messaging;

namespace Tamkeen.Host.Handoff.Telegram;

/// <summary>
/// What staff do in Telegram: press a card's buttons, reply to a case's post (or write in its topic) in the staff group,
/// and send /link. Each update is stored before Telegram is acknowledged and handled here, off the webhook request and
/// the polling loop; what was stored but not handled when the service stopped is handled at the next start. Each acts
/// through <see cref="CaseDesk"/> as the staff account linked to the Telegram user; staff's updates never reach a
/// beneficiary's conversation.
/// </summary>
public sealed class TelegramStaffDesk(
    TelegramBot telegram,
    CaseDesk desk,
    TelegramAttachments attachments,
    TelegramLinkCodes codes,
    DatabaseWriter writer,
    IDbContextFactory<TamkeenDb> dbFactory,
    IOptions<HandoffOptions> options,
    TimeProvider time,
    ILogger<TelegramStaffDesk> logger) : BackgroundService, ITelegramStaffUpdates
{
    public const string HowToLink = "حسابك في تيليجرام غير مربوط بحساب في لوحة الموظفين: افتح صفحة «ربط تيليجرام» في اللوحة (/staff/telegram) وأرسل إلى البوت /link ثم الرمز الظاهر فيها.";
    public const string AccountStopped = "حسابك في لوحة الموظفين موقوف: لا يمكنك استلام الحالات أو إغلاقها أو الرد عليها.";
    public const string TooManyLinkTries = "محاولات ربط كثيرة: انتظر ربع ساعة ثم أعد المحاولة.";

    public const int LinkTries = 5;
    public static readonly TimeSpan LinkTriesWindow = TimeSpan.FromMinutes(15);

    private readonly long? _group = options.Value.TelegramGroupId;

    // Every row here is stored: the queue only spares a read of the database, so it need not be bounded or durable.
    private readonly Channel<(long RowId, Update Update)> _updates =
        Channel.CreateUnbounded<(long, Update)>(new UnboundedChannelOptions { SingleReader = true });

    // In memory on purpose: it only has to slow guessing a six-digit code that lasts ten minutes, and a restart is not
    // something a guesser can cause.
    private readonly PartitionedRateLimiter<long> _linkTries = PartitionedRateLimiter.Create<long, long>(user =>
        RateLimitPartition.GetSlidingWindowLimiter(user, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = LinkTries, Window = LinkTriesWindow, SegmentsPerWindow = 15, QueueLimit = 0,
        }));

    public async Task<bool> TryTakeAsync(Update update, CancellationToken cancellationToken)
    {
        var staffs = update switch
        {
            { CallbackQuery.Data: { } data } => data.StartsWith("case:", StringComparison.Ordinal) || update.CallbackQuery.Message?.Chat.Id == _group,
            { Message: { } message } => message.Chat.Id == _group || IsLink(message.Text),
            _ => false,
        };
        if (!staffs) return false;
        var row = new StaffTelegramUpdate { UpdateId = update.Id, Json = JsonSerializer.Serialize(update, JsonBotAPI.Options), ReceivedAt = time.GetUtcNow() };
        try
        {
            await writer.WriteAsync(db => db.StaffTelegramUpdates.Add(row), committed: () => _updates.Writer.TryWrite((row.Id, update)), cancellationToken);
        }
        catch (Exception e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            // Telegram delivered it again: it is handled once.
        }
        return true;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var replayed = await ReplayAsync(stoppingToken);
            await foreach (var (rowId, update) in _updates.Reader.ReadAllAsync(stoppingToken))
                if (!replayed.Contains(rowId)) await HandleAsync(rowId, update, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <returns>The rows handled, which may be queued as well if they were stored while this ran.</returns>
    private async Task<HashSet<long>> ReplayAsync(CancellationToken ct)
    {
        List<StaffTelegramUpdate> left;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            left = await db.StaffTelegramUpdates.AsNoTracking().Where(u => u.ProcessedAt == null).OrderBy(u => u.Id).ToListAsync(ct);
        if (left.Count > 0) logger.LogInformation("Telegram: handling {Count} staff updates stored before the last stop", left.Count);
        foreach (var row in left)
        {
            if (Read(row) is { } update) await HandleAsync(row.Id, update, ct);
            else
            {
                logger.LogWarning("Telegram: the stored staff update {UpdateId} cannot be read and is skipped", row.UpdateId);
                await MarkHandledAsync(row.Id, ct);
            }
        }
        return [.. left.Select(r => r.Id)];
    }

    private static Update? Read(StaffTelegramUpdate row)
    {
        try
        {
            return JsonSerializer.Deserialize<Update>(row.Json, JsonBotAPI.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private async Task HandleAsync(long rowId, Update update, CancellationToken ct)
    {
        try
        {
            if (update.CallbackQuery is { } press) await PressedAsync(press, ct);
            else if (update.Message is { } message) await WroteAsync(update.Id, message, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            // Marked handled all the same: what failed is Telegram's answer to staff, and a retry would act again.
            logger.LogError(e, "Telegram: a staff update {UpdateId} could not be handled", update.Id);
        }
        await MarkHandledAsync(rowId, ct);
    }

    private Task MarkHandledAsync(long rowId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        return writer.WriteAsync((db, token) => db.StaffTelegramUpdates.Where(u => u.Id == rowId)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.ProcessedAt, now), token), ct);
    }

    private async Task PressedAsync(CallbackQuery press, CancellationToken ct)
    {
        var bot = telegram.Client();
        if (await LinkedStaffAsync(press.From.Id, ct) is not { } linked)
        {
            await bot.AnswerCallbackQuery(press.Id, HowToLink, showAlert: true, cancellationToken: ct);
            return;
        }
        if (linked.Stopped)
        {
            await bot.AnswerCallbackQuery(press.Id, AccountStopped, showAlert: true, cancellationToken: ct);
            return;
        }
        var staff = linked.Member;
        var data = press.Data ?? "";
        string answer;
        if (data.StartsWith(CaseCard.ClaimPayload, StringComparison.Ordinal))
        {
            var result = await desk.ClaimAsync(data[CaseCard.ClaimPayload.Length..], staff, ct);
            answer = result.Outcome switch
            {
                CaseOutcome.Done => "استلمتَ الحالة.",
                CaseOutcome.ClaimedByOther => $"استلمها {await DisplayNameAsync(result.ClaimedBy, ct)}.",
                CaseOutcome.NotActive => "الحالة مغلقة.",
                _ => "لم تُعثر على الحالة.",
            };
        }
        else if (data.StartsWith(CaseCard.ClosePayload, StringComparison.Ordinal))
        {
            var result = await desk.CloseAsync(data[CaseCard.ClosePayload.Length..], staff, ct);
            answer = result.Outcome switch
            {
                CaseOutcome.Done => "أُغلقت الحالة.",
                CaseOutcome.NotActive => "الحالة مغلقة من قبل.",
                _ => "لم تُعثر على الحالة.",
            };
        }
        else answer = "";
        await bot.AnswerCallbackQuery(press.Id, answer, cancellationToken: ct);
    }

    private async Task WroteAsync(int updateId, Message message, CancellationToken ct)
    {
        if (message.From is not { IsBot: false } from) return;
        if (IsLink(message.Text))
        {
            await LinkAsync(message, from.Id, ct);
            return;
        }
        var text = message.Text ?? message.Caption ?? "";
        var hasFile = message.Photo is { Length: > 0 } || message.Document is not null;
        if (message.Chat.Id != _group || (text.Length == 0 && !hasFile)) return;
        // In a case's topic every message is about the case; elsewhere only a reply to one of its posts is.
        var post = message is { IsTopicMessage: true, MessageThreadId: { } topic } ? topic : message.ReplyToMessage?.Id;
        if (post is null || await ReferenceOfPostAsync(post.Value, ct) is not { } reference) return;
        if (await LinkedStaffAsync(from.Id, ct) is not { } linked)
        {
            await ReplyAsync(message, HowToLink, ct);
            return;
        }
        if (linked.Stopped)
        {
            await ReplyAsync(message, AccountStopped, ct);
            return;
        }
        // Only a file kept here can be passed on: one that failed to download or is too large is said so instead.
        var files = hasFile ? await attachments.KeepAsync(message, ct) : [];
        var kept = files.Where(f => !f.TooLarge && !f.Url.StartsWith(TelegramAttachments.FileIdPrefix, StringComparison.Ordinal)).ToList();
        if (hasFile && kept.Count == 0)
        {
            await ReplyAsync(message, "لم يُرسل: تعذّر أخذ الملف (قد يكون أكبر من الحد المسموح). أعد إرساله أو أرسله من اللوحة.", ct);
            return;
        }
        var result = await desk.ReplyOnceAsync(SourceId(updateId), reference, linked.Member, text, kept, ct);
        if (result.Outcome == CaseOutcome.ClaimedByOther)
            await ReplyAsync(message, $"لم يُرسل: الحالة مع {await DisplayNameAsync(result.ClaimedBy, ct)}.", ct);
        else if (result.Outcome != CaseOutcome.Done)
            await ReplyAsync(message, "لم يُرسل: الحالة مغلقة. أعد فتحها من اللوحة أولاً.", ct);
    }

    private async Task LinkAsync(Message message, long telegramUserId, CancellationToken ct)
    {
        using var lease = _linkTries.AttemptAcquire(telegramUserId);
        if (!lease.IsAcquired)
        {
            await ReplyAsync(message, TooManyLinkTries, ct);
            return;
        }
        var code = message.Text!["/link".Length..].Trim();
        var linked = await codes.RedeemAsync(code, telegramUserId, ct);
        await ReplyAsync(message, linked is null ? "الرمز غير صحيح أو انتهت مدته: اطلب رمزاً جديداً من صفحة «ربط تيليجرام» في اللوحة."
            : $"رُبط حسابك في تيليجرام بحساب «{linked.DisplayName ?? linked.UserName}» في لوحة الموظفين.", ct);
        if (linked is not null) logger.LogInformation("Telegram: staff account {UserName} linked its Telegram account", linked.UserName);
    }

    /// <summary>
    /// The case a post in the group belongs to (a card, a reply, or a topic: its id is that of the message that opened
    /// it), from the outbox row that posted it; never read from the post's text.
    /// </summary>
    private async Task<string?> ReferenceOfPostAsync(int messageId, CancellationToken ct)
    {
        var id = messageId.ToString(CultureInfo.InvariantCulture);
        var groupAddress = _group!.Value.ToString(CultureInfo.InvariantCulture);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await (from post in db.Outbox
                where post.ProviderMessageId == id && post.Recipient == OutboxRecipient.StaffGroup && post.Address == groupAddress
                join staffCase in db.Cases on post.CaseId equals staffCase.Id
                select staffCase.Reference).FirstOrDefaultAsync(ct);
    }

    private async Task<LinkedStaff?> LinkedStaffAsync(long telegramUserId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await LinkedStaff.FindAsync(db, telegramUserId, time.GetUtcNow(), ct);
    }

    private async Task<string> DisplayNameAsync(string? userName, CancellationToken ct)
    {
        if (userName is null) return "موظف آخر";
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await CaseCard.DisplayNameAsync(db, userName, ct);
    }

    // A short answer to one staff member, not a post about a case: sent at once, not through the group's outbox queue.
    private Task<Message> ReplyAsync(Message to, string text, CancellationToken ct) =>
        telegram.Client().SendMessage(to.Chat.Id, text, messageThreadId: to.IsTopicMessage ? to.MessageThreadId : null, replyParameters: new ReplyParameters { MessageId = to.Id, AllowSendingWithoutReply = true },
            cancellationToken: ct);

    // The update's id keys the reply, so handling the stored update again after a crash does not send it twice.
    private static string SourceId(int updateId) => $"telegram-staff-{updateId.ToString(CultureInfo.InvariantCulture)}";

    private static bool IsLink(string? text) =>
        text is not null && (text.StartsWith("/link ", StringComparison.Ordinal) || text == "/link" || text.StartsWith("/link@", StringComparison.Ordinal));

    public override void Dispose()
    {
        _linkTries.Dispose();
        base.Dispose();
    }
}
