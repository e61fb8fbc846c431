using System.Globalization;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Tamkeen.Core.Conversations;
using Tamkeen.Host.Messaging;

namespace Tamkeen.Host.Channels.Telegram;

/// <summary>Sends a reply once with sendMessage and says how it went; the dispatcher decides about retries.</summary>
public sealed class TelegramSender(TelegramBot telegram) : IChannelSender
{
    public Channel Channel => Channel.Telegram;

    public async Task<SendOutcome> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        if (!long.TryParse(message.Address, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var chatId))
            return new SendOutcome.Permanent("Not a Telegram chat id");
        try
        {
            var sent = await telegram.Client().SendMessage(chatId, message.Text, replyMarkup: TelegramKeyboards.For(message),
                cancellationToken: cancellationToken);
            return new SendOutcome.Sent(sent.Id.ToString(CultureInfo.InvariantCulture));
        }
        catch (ApiRequestException e)
        {
            return e.ErrorCode switch
            {
                // Blocked by the person, or their account deleted.
                403 => new SendOutcome.Permanent($"403 {e.Message}", Unreachable: true),
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
}
