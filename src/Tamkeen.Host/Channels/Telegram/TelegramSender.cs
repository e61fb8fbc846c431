using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Tamkeen.Core.Conversations;
using Tamkeen.Host.Data;
using Tamkeen.Host.Messaging;

namespace Tamkeen.Host.Channels.Telegram;

/// <summary>
/// Sends a reply once with sendMessage and says how it went; the dispatcher decides about retries. Staff-group rows are
/// HTML (for mentions) and go under or onto the case's latest card, which the group's queue sent before them.
/// </summary>
public sealed class TelegramSender(TelegramBot telegram, IDbContextFactory<TamkeenDb> dbFactory, AttachmentStore files) : IChannelSender
{
    public Channel Channel => Channel.Telegram;

    public async Task<SendOutcome> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        if (!long.TryParse(message.Address, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var chatId))
            return new SendOutcome.Permanent("Not a Telegram chat id");
        try
        {
            var bot = telegram.Client();
            if (message.Recipient == OutboxRecipient.Beneficiary)
            {
                var sent = await bot.SendMessage(chatId, message.Text, replyMarkup: TelegramKeyboards.For(message), cancellationToken: cancellationToken);
                foreach (var file in message.Attachments) await SendFileAsync(bot, chatId, file, cancellationToken);
                return new SendOutcome.Sent(Id(sent.Id));
            }
            return await SendToStaffGroupAsync(bot, chatId, message, cancellationToken);
        }
        catch (ApiRequestException e)
        {
            return e.ErrorCode switch
            {
                // Blocked by the person, or their account deleted.
                403 => new SendOutcome.Permanent($"403 {e.Message}", Unreachable: message.Recipient == OutboxRecipient.Beneficiary),
                400 => new SendOutcome.Permanent($"400 {e.Message}"),
                429 => new SendOutcome.Transient($"429 {e.Message}", e.Parameters?.RetryAfter is int seconds ? TimeSpan.FromSeconds(seconds) : null),
                _ => new SendOutcome.Transient($"{e.ErrorCode} {e.Message}"),
            };
        }
        catch (Exception e) when (e is RequestException or HttpRequestException
                                      || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // No answer, an answer that is not the Bot API's, or a timeout: worth another try.
            return new SendOutcome.Transient($"{e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>A staff member's photo or document, after the text it came with.</summary>
    private async Task SendFileAsync(ITelegramBotClient bot, long chatId, Attachment file, CancellationToken cancellationToken)
    {
        await using var content = File.OpenRead(files.FullPath(file));
        var upload = InputFile.FromStream(content, Path.GetFileName(file.Url));
        if (file.ContentType.StartsWith("image/", StringComparison.OrdinalIgnoreCase))
            await bot.SendPhoto(chatId, upload, cancellationToken: cancellationToken);
        else await bot.SendDocument(chatId, upload, cancellationToken: cancellationToken);
    }

    private async Task<SendOutcome> SendToStaffGroupAsync(ITelegramBotClient bot, long chatId, OutboxMessage message, CancellationToken cancellationToken)
    {
        var keyboard = TelegramKeyboards.ForStaffGroup(message);
        if (message.GroupPost == StaffGroupPost.Card)
        {
            var card = await bot.SendMessage(chatId, message.Text, ParseMode.Html, replyMarkup: keyboard, cancellationToken: cancellationToken);
            return new SendOutcome.Sent(Id(card.Id));
        }
        if (await LatestCardAsync(message, cancellationToken) is not { } cardId)
            return new SendOutcome.Permanent("The case's card was never posted in the staff group");
        if (message.GroupPost == StaffGroupPost.CardEdit)
        {
            await bot.EditMessageText(chatId, cardId, message.Text, ParseMode.Html, replyMarkup: keyboard, cancellationToken: cancellationToken);
            return new SendOutcome.Sent(null);
        }
        var reply = await bot.SendMessage(chatId, message.Text, ParseMode.Html,
            replyParameters: new ReplyParameters { MessageId = cardId, AllowSendingWithoutReply = true }, cancellationToken: cancellationToken);
        return new SendOutcome.Sent(Id(reply.Id));
    }

    private async Task<int?> LatestCardAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var id = await db.Outbox.AsNoTracking()
            .Where(m => m.CaseId == message.CaseId && m.GroupPost == StaffGroupPost.Card && m.Status == DeliveryStatus.Sent && m.ProviderMessageId != null)
            .OrderByDescending(m => m.Id).Select(m => m.ProviderMessageId).FirstOrDefaultAsync(cancellationToken);
        return int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var cardId) ? cardId : null;
    }

    private static string Id(int messageId) => messageId.ToString(CultureInfo.InvariantCulture);
}
