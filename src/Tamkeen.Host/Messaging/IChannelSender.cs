using Tamkeen.Core.Conversations;

namespace Tamkeen.Host.Messaging;

/// <summary>Delivers outbox rows on one channel. Throwing means "try again later" (as <see cref="SendOutcome.Transient"/>).</summary>
public interface IChannelSender
{
    Channel Channel { get; }

    /// <summary>Sends one reply; implementations pass <see cref="OutboxMessage.Id"/> as the idempotency key where the channel allows.</summary>
    Task<SendOutcome> SendAsync(OutboxMessage message, CancellationToken cancellationToken);
}
