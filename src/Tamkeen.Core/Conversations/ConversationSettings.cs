namespace Tamkeen.Core.Conversations;

public sealed record ConversationSettings(TimeSpan IdleTimeout, int MaxMessageLength)
{
    public static ConversationSettings Default { get; } = new(TimeSpan.FromMinutes(30), 2000);
}
