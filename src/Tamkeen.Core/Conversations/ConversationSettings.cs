using Tamkeen.Core.Handoff;
using Tamkeen.Core.Surveys;

namespace Tamkeen.Core.Conversations;

/// <param name="MaxAttachmentMegabytes">The largest photo or document kept, as the person is told when theirs is larger.</param>
/// <param name="InformationReminderAfter">How long after information was asked, with nothing sent, the person is reminded.</param>
/// <param name="InformationQuietTime">How long after the last piece of information sent the bot confirms what was added.</param>
/// <param name="Handoff">Working hours and the rules of handing a conversation to staff; the defaults when null.</param>
public sealed record ConversationSettings(
    TimeSpan IdleTimeout,
    int MaxMessageLength,
    int MaxAttachmentMegabytes = 10,
    TimeSpan? InformationReminderAfter = null,
    TimeSpan? InformationQuietTime = null,
    HandoffSettings? Handoff = null,
    PollSettings? Polls = null)
{
    public static ConversationSettings Default { get; } = new(TimeSpan.FromMinutes(30), 2000);

    public TimeSpan ReminderAfter => InformationReminderAfter ?? TimeSpan.FromDays(3);

    public HandoffSettings HandoffRules => Handoff ?? HandoffSettings.Default;

    public PollSettings PollRules => Polls ?? PollSettings.Default;

    public TimeSpan QuietTime => InformationQuietTime ?? TimeSpan.FromMinutes(10);
}
