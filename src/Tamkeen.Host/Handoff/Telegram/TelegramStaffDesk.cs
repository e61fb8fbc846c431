using System.Globalization;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Tamkeen.Host.Channels.Telegram;
using Tamkeen.Host.Data;
using Tamkeen.Host.Messaging;

namespace Tamkeen.Host.Handoff.Telegram;

/// <summary>
/// What staff do in Telegram: press a card's buttons, reply to a case's post in the staff group, and send /link. Each
/// acts through <see cref="CaseDesk"/> as the staff account linked to the Telegram user; staff's updates never reach a
/// beneficiary's conversation. Handled here, off the webhook request and the polling loop.
/// </summary>
public sealed class TelegramStaffDesk(
    TelegramBot telegram,
    CaseDesk desk,
    TelegramLinkCodes codes,
    IDbContextFactory<TamkeenDb> dbFactory,
    IOptions<HandoffOptions> options,
    ILogger<TelegramStaffDesk> logger) : BackgroundService, ITelegramStaffUpdates
{
    public const string HowToLink = "حسابك في تيليجرام غير مربوط بحساب في لوحة الموظفين: افتح صفحة «ربط تيليجرام» في اللوحة (/staff/telegram) وأرسل إلى البوت /link ثم الرمز الظاهر فيها.";

    private readonly long? _group = options.Value.TelegramGroupId;

    // Telegram forgets an unanswered press after about 15 seconds, so a long backlog is not worth keeping.
    private readonly Channel<Update> _updates = Channel.CreateBounded<Update>(
        new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    public bool TryTake(Update update)
    {
        var staffs = update switch
        {
            { CallbackQuery.Data: { } data } => data.StartsWith("case:", StringComparison.Ordinal) || update.CallbackQuery.Message?.Chat.Id == _group,
            { Message: { } message } => message.Chat.Id == _group || IsLink(message.Text),
            _ => false,
        };
        if (staffs) _updates.Writer.TryWrite(update);
        return staffs;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var update in _updates.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    if (update.CallbackQuery is { } press) await PressedAsync(press, stoppingToken);
                    else if (update.Message is { } message) await WroteAsync(message, stoppingToken);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogError(e, "Telegram: a staff update {UpdateId} could not be handled", update.Id);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task PressedAsync(CallbackQuery press, CancellationToken ct)
    {
        var bot = telegram.Client();
        if (await StaffMemberAsync(press.From.Id, ct) is not { } staff)
        {
            await bot.AnswerCallbackQuery(press.Id, HowToLink, showAlert: true, cancellationToken: ct);
            return;
        }
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

    private async Task WroteAsync(Message message, CancellationToken ct)
    {
        if (message.From is not { IsBot: false } from) return;
        if (IsLink(message.Text))
        {
            var code = message.Text!["/link".Length..].Trim();
            var linked = await codes.RedeemAsync(code, from.Id, ct);
            await ReplyAsync(message, linked is null ? "الرمز غير صحيح أو انتهت مدته: اطلب رمزاً جديداً من صفحة «ربط تيليجرام» في اللوحة."
                : $"رُبط حسابك في تيليجرام بحساب «{linked.DisplayName ?? linked.UserName}» في لوحة الموظفين.", ct);
            if (linked is not null) logger.LogInformation("Telegram: staff account {UserName} linked its Telegram account", linked.UserName);
            return;
        }
        if (message.Chat.Id != _group || message.ReplyToMessage is not { } repliedTo || (message.Text ?? message.Caption) is not { Length: > 0 } text) return;
        if (await ReferenceOfPostAsync(repliedTo.Id, ct) is not { } reference) return;
        if (await StaffMemberAsync(from.Id, ct) is not { } staff)
        {
            await ReplyAsync(message, HowToLink, ct);
            return;
        }
        var result = await desk.ReplyAsync(reference, staff, text, [], ct);
        if (result.Outcome == CaseOutcome.ClaimedByOther)
            await ReplyAsync(message, $"لم يُرسل: الحالة مع {await DisplayNameAsync(result.ClaimedBy, ct)}.", ct);
        else if (result.Outcome != CaseOutcome.Done)
            await ReplyAsync(message, "لم يُرسل: الحالة مغلقة. أعد فتحها من اللوحة أولاً.", ct);
    }

    /// <summary>The case a post in the group belongs to, from the outbox row that posted it; never read from the post's text.</summary>
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

    private async Task<StaffMember?> StaffMemberAsync(long telegramUserId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await TelegramLinkCodes.StaffMemberAsync(db, telegramUserId, ct);
    }

    private async Task<string> DisplayNameAsync(string? userName, CancellationToken ct)
    {
        if (userName is null) return "موظف آخر";
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await CaseCard.DisplayNameAsync(db, userName, ct);
    }

    // A short answer to one staff member, not a post about a case: sent at once, not through the group's outbox queue.
    private Task<Message> ReplyAsync(Message to, string text, CancellationToken ct) =>
        telegram.Client().SendMessage(to.Chat.Id, text, replyParameters: new ReplyParameters { MessageId = to.Id, AllowSendingWithoutReply = true },
            cancellationToken: ct);

    private static bool IsLink(string? text) =>
        text is not null && (text.StartsWith("/link ", StringComparison.Ordinal) || text == "/link" || text.StartsWith("/link@", StringComparison.Ordinal));
}
