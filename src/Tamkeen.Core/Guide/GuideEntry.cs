using Tamkeen.Core.Conversations;

namespace Tamkeen.Core.Guide;

/// <summary>One question of the social research services guide, with the ways people ask it and its answer.</summary>
/// <param name="SmsAnswer">
/// A short answer for SMS, per language where the guide gives one: the essentials a person on a basic phone needs,
/// within the SMS segment budget, instead of the full answer that would cost many segments.
/// </param>
public sealed record GuideEntry(
    string Id,
    IReadOnlyDictionary<Language, string> Title,
    IReadOnlyDictionary<Language, IReadOnlyList<string>> Questions,
    IReadOnlyDictionary<Language, string> Answer,
    IReadOnlyList<string> Related,
    IReadOnlyDictionary<Language, string>? SmsAnswer = null)
{
    /// <summary>The answer as sent on <paramref name="channel"/>: the short one on SMS where there is one.</summary>
    public string AnswerFor(Language language, Channel channel) =>
        channel == Channel.Sms && SmsAnswer is not null && SmsAnswer.TryGetValue(language, out var sms) ? sms : Answer[language];
}
