using Tamkeen.Host.Channels.Telegram;
using Tamkeen.Host.Settings;

namespace Tamkeen.Host.Handoff.Telegram;

public static class HandoffTelegramServices
{
    /// <summary>The staff Telegram group: alert cards and the staff's presses, replies and /link; only with a group id and a bot.</summary>
    public static WebApplicationBuilder AddHandoffTelegram(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<TelegramLinkCodes>();
        var handoff = builder.Configuration.GetSection(HandoffOptions.Section).Get<HandoffOptions>() ?? new HandoffOptions();
        var telegram = builder.Configuration.GetSection(TelegramOptions.Section).Get<TelegramOptions>() ?? new TelegramOptions();
        if (handoff.TelegramGroupId is null || !telegram.Enabled) return builder;
        services.AddSingleton<ICaseAlerter, TelegramCaseAlerter>();
        services.AddSingleton<TelegramStaffDesk>();
        services.AddSingleton<ITelegramStaffUpdates>(sp => sp.GetRequiredService<TelegramStaffDesk>());
        services.AddHostedService(sp => sp.GetRequiredService<TelegramStaffDesk>());
        return builder;
    }

    public static void MapHandoffTelegram(this WebApplication app)
    {
        if (app.Services.GetService<TelegramStaffDesk>() is not null) return;
        app.Lifetime.ApplicationStarted.Register(() =>
            app.Logger.LogInformation("Telegram staff alerts: off, no Handoff:TelegramGroupId set (or no Telegram:BotToken); cases are in the console only"));
    }
}
