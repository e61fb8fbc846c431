using Tamkeen.Core.Conversations;
using Tamkeen.Host.Messaging;

namespace Tamkeen.Host.Channels.WebChat;

/// <summary>
/// Delivers replies to the visitor's open tabs. The reply is already in the database, so a closed tab still sees
/// it in the history; the outbox id is the line id, which the page uses to drop repeats.
/// </summary>
public sealed class WebChatSender(WebChatHub hub) : IChannelSender
{
    public Channel Channel => Channel.WebChat;

    public bool DropsRepeats => true;

    public Task<SendOutcome> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        hub.Publish(message.Address, WebChatEndpoints.BotLine(message));
        return Task.FromResult<SendOutcome>(new SendOutcome.Sent(null));
    }
}
