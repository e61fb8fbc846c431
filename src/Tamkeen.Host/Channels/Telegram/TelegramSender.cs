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
/// HTML (for mentions) and go under or onto the case's latest card, and into its forum topic if it has one, which the
/// group's queue sent before them.
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
        if (message.GroupPost == StaffGroupPost.Topic)
        {
            var topic = await bot.CreateForumTopic(chatId, message.Text, cancellationToken: cancellationToken);
            return new SendOutcome.Sent(Id(topic.MessageThreadId));
        }
        var keyboard = TelegramKeyboards.ForStaffGroup(message);
        var (topicId, cardId) = await PostedBeforeAsync(message, cancellationToken);
        if (message.GroupPost is StaffGroupPost.TopicClosed or StaffGroupPost.TopicReopened)
        {
            if (topicId is not { } topicToChange) return new SendOutcome.Permanent("The case's topic was never created in the staff group");
            if (message.GroupPost == StaffGroupPost.TopicClosed) await bot.CloseForumTopic(chatId, topicToChange, cancellationToken);
            else await bot.ReopenForumTopic(chatId, topicToChange, cancellationToken);
            return new SendOutcome.Sent(null);
        }
        if (message.GroupPost == StaffGroupPost.Card)
        {
            var card = await bot.SendMessage(chatId, message.Text, ParseMode.Html, messageThreadId: topicId, replyMarkup: keyboard, cancellationToken: cancellationToken);
            return new SendOutcome.Sent(Id(card.Id));
        }
        if (cardId is null) return new SendOutcome.Permanent("The case's card was never posted in the staff group");
        if (message.GroupPost == StaffGroupPost.CardEdit)
        {
            await bot.EditMessageText(chatId, cardId.Value, message.Text, ParseMode.Html, replyMarkup: keyboard, cancellationToken: cancellationToken);
            return new SendOutcome.Sent(null);
        }
        var reply = await bot.SendMessage(chatId, message.Text, ParseMode.Html, messageThreadId: topicId,
            replyParameters: new ReplyParameters { MessageId = cardId.Value, AllowSendingWithoutReply = true }, cancellationToken: cancellationToken);
        return new SendOutcome.Sent(Id(reply.Id));
    }

    /// <summary>The case's topic, if it has one, and its latest card: the group's queue sent them before this row.</summary>
    private async Task<(int? TopicId, int? CardId)> PostedBeforeAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        // Compared as a value, not as a nullable: the index holds only the rows that belong to a case.
        if (message.CaseId is not { } caseId) return (null, null);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var posted = db.Outbox.AsNoTracking()
            .Where(m => m.CaseId == caseId && m.Status == DeliveryStatus.Sent && m.ProviderMessageId != null).OrderByDescending(m => m.Id);
        var topic = await posted.Where(m => m.GroupPost == StaffGroupPost.Topic).Select(m => m.ProviderMessageId).FirstOrDefaultAsync(cancellationToken);
        var card = await posted.Where(m => m.GroupPost == StaffGroupPost.Card).Select(m => m.ProviderMessageId).FirstOrDefaultAsync(cancellationToken);
        return (Parse(topic), Parse(card));
    }

    private static int? Parse(string? messageId) =>
        int.TryParse(messageId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    private static string Id(int messageId) => messageId.ToString(CultureInfo.InvariantCulture);
}
