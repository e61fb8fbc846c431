namespace Tamkeen.Core.Conversations;

/// <summary>
/// A button carries the step it belongs to ("2@RequestSummary"), so that a press on an old message is not taken as a
/// choice in another step. A few buttons mean the same everywhere and carry none: the menu, a person, and "send the
/// information now" for a request (info:TMK-…).
/// </summary>
public static class ButtonPayloads
{
    public const string SendInformationPrefix = "info:";

    private const char StepSeparator = '@';

    public static string Tag(string payload, string step) =>
        IsGlobal(payload) || payload.Contains(StepSeparator, StringComparison.Ordinal) ? payload : $"{payload}{StepSeparator}{step}";

    /// <summary>What the button chooses, and the step it was offered in (null when it names none).</summary>
    public static (string Choice, string? Step) Split(string payload)
    {
        var at = payload.LastIndexOf(StepSeparator);
        return at < 0 ? (payload, null) : (payload[..at], payload[(at + 1)..]);
    }

    public static string Choice(string payload) => Split(payload).Choice;

    private static bool IsGlobal(string payload) => payload is "menu" or "human" || payload.StartsWith(SendInformationPrefix, StringComparison.Ordinal);
}
