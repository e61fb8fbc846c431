using System.Globalization;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Tamkeen.Core.Conversations;

namespace Tamkeen.Host.Channels.Telegram;

/// <summary>
/// Reads one Telegram update as an inbox message, downloading its photo or document. Only private chats with people
/// drive conversations: groups, channel posts, edits, service messages and bots give nothing.
/// </summary>
public sealed class TelegramUpdateReader(TelegramAttachments attachments, TimeProvider time)
{
    /// <summary>
    /// The part this reader needs that the Bot API always sends but this update lacks, or null when it has them all.
    /// Telegram.Bot leaves what is missing null, whatever the property's type says.
    /// </summary>
    public static string? MissingPart(Update update) => update switch
    {
        { Message.Chat: null } => "message.chat",
        { Message.Contact.PhoneNumber: null } => "message.contact.phone_number",
        { Message.Photo: { } sizes } when sizes.Any(size => size?.FileId is null) => "message.photo[].file_id",
        { Message.Document.FileId: null } => "message.document.file_id",
        { CallbackQuery.Id: null } => "callback_query.id",
        { CallbackQuery.From: null } => "callback_query.from",
        { CallbackQuery.Message.Chat: null } => "callback_query.message.chat",
        _ => null,
    };

    public async Task<InboundMessage?> ReadAsync(Update update, CancellationToken cancellationToken) => update switch
    {
        { Message: { } message } => await FromMessageAsync(update.Id, message, cancellationToken),
        { CallbackQuery: { } query } => FromButtonPress(query),
        _ => null,
    };

    private async Task<InboundMessage?> FromMessageAsync(int updateId, Message message, CancellationToken cancellationToken)
    {
        if (message.Chat.Type != ChatType.Private || message.From is not { IsBot: false } from || message.IsServiceMessage) return null;
        var address = Address(message.Chat.Id);
        string? text = message.Text ?? message.Caption, phone = null;
        if (message.Contact is { } contact)
        {
            // The number as text answers a question for the mobile number, in any step that asks for it.
            text = E164(contact.PhoneNumber);
            // Only a number the person shared of themselves says who they are; a friend's card is just text.
            if (contact.UserId == from.Id) phone = text;
        }
        var files = await attachments.KeepAsync(message, cancellationToken);
        return new InboundMessage(Channel.Telegram, address, MessageId(address, updateId), text, null, files, time.GetUtcNow(), SenderPhone: phone);
    }

    private InboundMessage? FromButtonPress(CallbackQuery query)
    {
        if (query.From.IsBot || query.Message is { Chat.Type: not ChatType.Private }) return null;
        // In a private chat the chat id is the person's user id; the pressed message may be too old to be included.
        var address = Address(query.Message?.Chat.Id ?? query.From.Id);
        return new InboundMessage(Channel.Telegram, address, PressId(address, query), null, query.Data, [], time.GetUtcNow());
    }

    private static string Address(long chatId) => chatId.ToString(CultureInfo.InvariantCulture);

    // update_id makes a re-delivery a duplicate; the chat keeps ids apart if Telegram ever restarts its numbering.
    private static string MessageId(string address, int updateId) => $"{address}:{updateId.ToString(CultureInfo.InvariantCulture)}";

    // A press is one choice on one message, whichever update brings it: the same callback query delivered again, or a
    // second press of the same button before its keyboard is removed, is a duplicate. update_id would tell them apart.
    private static string PressId(string address, CallbackQuery query) => query.Message is { } pressed
        ? $"{address}:press:{pressed.Id.ToString(CultureInfo.InvariantCulture)}:{query.Data}"
        : $"{address}:press:{query.Id}";

    private static string? E164(string phoneNumber)
    {
        var digits = new string([.. phoneNumber.Where(char.IsAsciiDigit)]);
        return digits.Length == 0 ? null : "+" + digits;
    }
}
