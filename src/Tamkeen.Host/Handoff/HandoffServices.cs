using Tamkeen.Host.Messaging.Events;
using Tamkeen.Host.Messaging.Timers;

namespace Tamkeen.Host.Handoff;

public static class HandoffServices
{
    /// <summary>Cases: their recorders, the desk staff act through, and the timers that announce and raise them.</summary>
    public static IServiceCollection AddHandoff(this IServiceCollection services)
    {
        services.AddSingleton<CaseTimers>();
        services.AddSingleton<CaseDesk>();
        services.AddSingleton<StaffReplyFile>();
        services.AddScoped<CaseConsole>();
        services.AddSingleton<ConsoleCaseFeed>();
        services.AddSingleton<ICaseAlerter>(sp => sp.GetRequiredService<ConsoleCaseFeed>());
        // Last: a webhook that keeps failing holds back only itself (see CaseWebhook.GiveUpAfter).
        services.AddSingleton<ICaseAlerter, CaseWebhook>();
        services.AddHttpClient(CaseWebhook.ClientName, client => client.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton<IEventRecorder, CaseOpenedRecorder>();
        services.AddSingleton<IEventRecorder, CaseRaisedRecorder>();
        services.AddSingleton<IEventRecorder, CaseMessageReceivedRecorder>();
        services.AddSingleton<IEventRecorder, CaseWithdrawnRecorder>();
        services.AddSingleton<ITimerHandler, CaseNoticeHandler>();
        services.AddSingleton<ITimerHandler, CaseReminderHandler>();
        return services;
    }
}
