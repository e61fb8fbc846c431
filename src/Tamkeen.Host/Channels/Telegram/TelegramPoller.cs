using Microsoft.Extensions.Options;
using Telegram.Bot;
using Tamkeen.Host.Settings;

namespace Tamkeen.Host.Channels.Telegram;

/// <summary>
/// Long polling (getUpdates), used when no webhook is configured. The offset moves past an update only once it is
/// stored, so updates not yet stored when the service stops or fails are delivered again (and stored once).
/// </summary>
public sealed class TelegramPoller(
    TelegramBot telegram,
    TelegramUpdateIntake updates,
    IOptions<TelegramOptions> options,
    TimeProvider time,
    ILogger<TelegramPoller> logger) : BackgroundService
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan BusyWait = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var offset = 0;
        var webhookRemoved = false;
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var bot = telegram.Client();
                if (!webhookRemoved)
                {
                    // getUpdates is refused while a webhook is set, e.g. one left from running in webhook mode.
                    await bot.DeleteWebhook(cancellationToken: stoppingToken);
                    webhookRemoved = true;
                    logger.LogInformation("Telegram: receiving by long polling");
                }
                var batch = await bot.GetUpdates(offset, limit: 100, timeout: options.Value.PollTimeoutSeconds,
                    allowedUpdates: TelegramUpdateIntake.Wanted, cancellationToken: stoppingToken);
                foreach (var update in batch)
                {
                    if (!await updates.AcceptAsync(update, null, stoppingToken))
                    {
                        // Too busy: this update and the rest come again with the next getUpdates from this offset.
                        await Task.Delay(BusyWait, time, stoppingToken);
                        break;
                    }
                    offset = update.Id + 1;
                }
                failures = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                failures++;
                var wait = RetryDelay.After(failures, FirstRetry, LongestRetry);
                logger.LogWarning("Telegram: receiving failed ({Error}); trying again in {Wait}", e.Message, wait);
                await Task.Delay(wait, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }
}
