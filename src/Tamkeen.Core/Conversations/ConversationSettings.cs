namespace Tamkeen.Core.Conversations;

/// <param name="MaxAttachmentMegabytes">The largest photo or document kept, as the person is told when theirs is larger.</param>
public sealed record ConversationSettings(TimeSpan IdleTimeout, int MaxMessageLength, int MaxAttachmentMegabytes = 10)
{
    public static ConversationSettings Default { get; } = new(TimeSpan.FromMinutes(30), 2000);
}
