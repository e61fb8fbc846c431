using Telegram.Bot.Types.ReplyMarkups;
using Tamkeen.Host.Messaging;

namespace Tamkeen.Host.Channels.Telegram;

/// <summary>How a reply's buttons look on Telegram.</summary>
public static class TelegramKeyboards
{
    /// <summary>
    /// Choices as an inline keyboard, one a row, pressing sends the payload. A question for the mobile number gets a
    /// keyboard with Telegram's "share my number" button instead; its other choices are text buttons that send their
    /// label, which the conversation understands as typed. A reply without choices removes any such keyboard left.
    /// </summary>
    public static ReplyMarkup For(OutboxMessage message)
    {
        var buttons = message.Buttons;
        if (message.ContactButton is { } label)
        {
            IEnumerable<KeyboardButton[]> rows = [[KeyboardButton.WithRequestContact(label)], .. buttons.Select(b => new[] { new KeyboardButton(b.Label) })];
            return new ReplyKeyboardMarkup(rows) { OneTimeKeyboard = true, ResizeKeyboard = true };
        }
        if (buttons.Count == 0) return new ReplyKeyboardRemove();
        return new InlineKeyboardMarkup(buttons.Select(b => new[] { InlineKeyboardButton.WithCallbackData(b.Label, b.Payload) }));
    }

    /// <summary>A staff-group row's buttons: a payload that is an http(s) address opens it (the console), others are presses.</summary>
    public static InlineKeyboardMarkup ForStaffGroup(OutboxMessage message) => new(message.Buttons.Select(b => new[]
    {
        Uri.TryCreate(b.Payload, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
            ? InlineKeyboardButton.WithUrl(b.Label, b.Payload)
            : InlineKeyboardButton.WithCallbackData(b.Label, b.Payload),
    }));
}
