using Tamkeen.Core.Conversations;

namespace Tamkeen.Host.Messaging;

/// <summary>Delivers outbox rows on one channel. Throwing means "try again later" (as <see cref="SendOutcome.Transient"/>).</summary>
public interface IChannelSender
{
    Channel Channel { get; }

    /// <summary>Sends one reply; implementations pass <see cref="OutboxMessage.Id"/> as the idempotency key where the channel allows.</summary>
    Task<SendOutcome> SendAsync(OutboxMessage message, CancellationToken cancellationToken);

    /// <summary>
    /// The recipient drops a message sent twice (the website chat: the outbox id is the line id), so an attempt need not
    /// be recorded before it is made.
    /// </summary>
    bool DropsRepeats => false;

    /// <summary>What the channel knows of an attempt at this row that a crash cut off (<see cref="OutboxMessage.SendingSince"/>).</summary>
    /// <param name="recorded">
    /// The channel's ids of messages recorded on other rows sent since shortly before the attempt: a message with one of
    /// them is another row's (the same reply sent just before), never this one.
    /// </param>
    Task<InterruptedSend> FindInterruptedAsync(OutboxMessage message, IReadOnlySet<string> recorded, CancellationToken cancellationToken) =>
        Task.FromResult<InterruptedSend>(new InterruptedSend.Unknown());
}
