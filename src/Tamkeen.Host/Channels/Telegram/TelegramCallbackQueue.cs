using System.Threading.Channels;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.ReplyMarkups;

namespace Tamkeen.Host.Channels.Telegram;

/// <summary>
/// After a button press is stored: stops the button's spinner (answerCallbackQuery) and removes the pressed keyboard,
/// so an old menu cannot be pressed again. Done here, outside the webhook request and the polling loop.
/// </summary>
public sealed class TelegramCallbackQueue(TelegramBot telegram, ILogger<TelegramCallbackQueue> logger) : BackgroundService
{
    // Telegram forgets an unanswered press after about 15 seconds, so a long backlog is not worth keeping.
    private readonly Channel<CallbackQuery> _pressed = Channel.CreateBounded<CallbackQuery>(
        new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    public void Enqueue(CallbackQuery query) => _pressed.Writer.TryWrite(query);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var query in _pressed.Reader.ReadAllAsync(stoppingToken)) await CleanUpAsync(query, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task CleanUpAsync(CallbackQuery query, CancellationToken cancellationToken)
    {
        var bot = telegram.Client();
        try
        {
            await bot.AnswerCallbackQuery(query.Id, cancellationToken: cancellationToken);
            if (query.Message is { } pressed)
                await bot.EditMessageReplyMarkup(pressed.Chat.Id, pressed.Id, InlineKeyboardMarkup.Empty(), cancellationToken: cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // Cosmetic only: the press itself is already stored and answered by the conversation.
            logger.LogWarning("Telegram: could not answer a button press or remove its keyboard ({Error})", e.Message);
        }
    }
}
