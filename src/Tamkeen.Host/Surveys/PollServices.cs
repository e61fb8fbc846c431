using Tamkeen.Host.Messaging.Events;
using Tamkeen.Host.Messaging.Timers;

namespace Tamkeen.Host.Surveys;

public static class PollServices
{
    /// <summary>What the conversation records of satisfaction polls.</summary>
    public static IServiceCollection AddPolls(this IServiceCollection services)
    {
        services.AddSingleton<PollTrigger>();
        services.AddSingleton<ITimerHandler, PollDueHandler>();
        services.AddSingleton<IEventRecorder, GuideAnswerUnratedRecorder>();
        services.AddSingleton<IEventRecorder, PollSentRecorder>();
        services.AddSingleton<IEventRecorder, PollNotSentRecorder>();
        services.AddSingleton<IEventRecorder, PollAnsweredRecorder>();
        services.AddSingleton<IEventRecorder, PollExpiredRecorder>();
        services.AddSingleton<IEventRecorder, PollAnsweredLateRecorder>();
        services.AddSingleton<IEventRecorder, PollsOptedOutRecorder>();
        return services;
    }
}
