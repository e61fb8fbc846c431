using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Tamkeen.Core.Conversations;
using Tamkeen.Host.Messaging;

namespace Tamkeen.Host.Tests;

/// <summary>A channel whose answers the test decides; records every attempt with the real time it was made.</summary>
public sealed class ScriptedChannel(Channel channel, Func<OutboxMessage, int, Task<SendOutcome>>? answer = null) : IChannelSender
{
    private int _attempts;

    public Channel Channel => channel;
    public ConcurrentQueue<(OutboxMessage Message, DateTime At)> Attempts { get; } = new();

    public Task<SendOutcome> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        Attempts.Enqueue((message, DateTime.UtcNow));
        var attempt = Interlocked.Increment(ref _attempts);
        return answer?.Invoke(message, attempt) ?? Task.FromResult<SendOutcome>(new SendOutcome.Sent($"sent-{message.Id}"));
    }

    /// <summary>A message from a person on this channel, through the real inbox.</summary>
    public static Task<IntakeResult> ReceiveAsync(RunningService service, Channel channel, string address, string text, string? phone = null) =>
        service.Services.GetRequiredService<MessageIntake>().AcceptAsync(
            new InboundMessage(channel, address, Guid.NewGuid().ToString("N"), text, null, [], DateTimeOffset.UtcNow, SenderPhone: phone),
            TestContext.Current.CancellationToken);
}
