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
        services.AddSingleton<IEventRecorder, CaseOpenedRecorder>();
        services.AddSingleton<IEventRecorder, CaseRaisedRecorder>();
        services.AddSingleton<IEventRecorder, CaseMessageReceivedRecorder>();
        services.AddSingleton<IEventRecorder, CaseWithdrawnRecorder>();
        services.AddSingleton<ITimerHandler, CaseNoticeHandler>();
        services.AddSingleton<ITimerHandler, CaseReminderHandler>();
        return services;
    }
}
