using Microsoft.Extensions.Options;
using Tamkeen.Host.Settings;

namespace Tamkeen.Host.Messaging.Timers;

public static class TimerServices
{
    /// <summary>The timer table's scheduler and its signal; each feature registers its own <see cref="ITimerHandler"/>.</summary>
    public static WebApplicationBuilder AddTimers(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<TimerOptions>().Bind(builder.Configuration.GetSection(TimerOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<TimerOptions>, TimerOptions.Validator>();
        services.AddSingleton<TimerSignal>();
        services.AddHostedService<TimerScheduler>();
        return builder;
    }
}
