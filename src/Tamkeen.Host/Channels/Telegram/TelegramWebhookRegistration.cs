using Microsoft.Extensions.Options;
using Telegram.Bot;
using Tamkeen.Host.Settings;

namespace Tamkeen.Host.Channels.Telegram;

/// <summary>Tells Telegram where to post updates, with the secret it must send back; tries again until Telegram agrees.</summary>
public sealed class TelegramWebhookRegistration(
    TelegramBot telegram,
    IOptions<TelegramOptions> options,
    TimeProvider time,
    ILogger<TelegramWebhookRegistration> logger) : BackgroundService
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        for (var failures = 0; !stoppingToken.IsCancellationRequested;)
        {
            try
            {
                await telegram.Client().SetWebhook(settings.WebhookUrl, secretToken: settings.SecretToken,
                    allowedUpdates: TelegramUpdateIntake.Wanted, cancellationToken: stoppingToken);
                logger.LogInformation("Telegram: receiving by webhook at {WebhookUrl}", settings.WebhookUrl);
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                failures++;
                var wait = RetryDelay.After(failures, FirstRetry, LongestRetry);
                logger.LogWarning("Telegram: setting the webhook failed ({Error}); trying again in {Wait}", e.Message, wait);
                await Task.Delay(wait, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }
}
