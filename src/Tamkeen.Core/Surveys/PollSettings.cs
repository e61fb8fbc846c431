namespace Tamkeen.Core.Surveys;

/// <param name="MinimumGap">At most one poll per person in this time, whatever the number of events.</param>
/// <param name="ExpiresAfter">An unanswered poll closes after this; a later answer is thanked and not counted.</param>
/// <param name="RemindAfter">One reminder after this, when the poll is still unanswered.</param>
public sealed record PollSettings(TimeSpan MinimumGap, TimeSpan ExpiresAfter, TimeSpan RemindAfter)
{
    public static PollSettings Default { get; } = new(TimeSpan.FromDays(7), TimeSpan.FromHours(48), TimeSpan.FromHours(24));
}
