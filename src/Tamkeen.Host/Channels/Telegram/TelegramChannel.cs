using Microsoft.Extensions.Options;
using Tamkeen.Host.Messaging;
using Tamkeen.Host.Settings;

namespace Tamkeen.Host.Channels.Telegram;

/// <summary>The Telegram channel in the composition: settings always, the rest only with a bot token.</summary>
public static class TelegramChannel
{
    public static WebApplicationBuilder AddTelegram(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<TelegramOptions>().Bind(builder.Configuration.GetSection(TelegramOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<TelegramOptions>, TelegramOptions.Validator>();
        var settings = builder.Configuration.GetSection(TelegramOptions.Section).Get<TelegramOptions>() ?? new TelegramOptions();
        if (!settings.Enabled) return builder;

        // No request logging: the bot token is part of every Bot API address.
        services.AddHttpClient(TelegramBot.HttpClientName).RemoveAllLoggers()
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) });
        services.AddSingleton<TelegramBot>();
        services.AddSingleton<TelegramAttachments>();
        services.AddSingleton<TelegramCallbackQueue>();
        services.AddHostedService(sp => sp.GetRequiredService<TelegramCallbackQueue>());
        services.AddSingleton<TelegramUpdateReader>();
        services.AddSingleton<TelegramUpdateIntake>();
        services.AddSingleton<IChannelSender, TelegramSender>();
        if (settings.UsesWebhook) services.AddHostedService<TelegramWebhookRegistration>();
        else services.AddHostedService<TelegramPoller>();
        return builder;
    }

    public static void MapTelegram(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<IOptions<TelegramOptions>>().Value;
        if (!settings.Enabled)
            app.Lifetime.ApplicationStarted.Register(() => app.Logger.LogInformation("Telegram: off, no Telegram:BotToken set"));
        else if (settings.UsesWebhook)
            app.MapTelegramWebhook(settings);
    }
}
