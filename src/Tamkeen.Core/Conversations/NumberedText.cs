namespace Tamkeen.Core.Conversations;

/// <summary>
/// Renders a reply for channels without buttons (WhatsApp, SMS): numbered choices, one a line, then the command
/// buttons (back, menu, skip) by their label on one line. Typing the number or the label does what the button does.
/// </summary>
public static class NumberedText
{
    public static string Render(string text, IReadOnlyList<ReplyButton> buttons)
    {
        if (buttons.Count == 0) return text;
        var numbered = buttons.Where(b => IsNumber(b.Choice)).Select(b => $"{b.Choice}- {b.Label}");
        var words = buttons.Where(b => !IsNumber(b.Choice)).Select(b => b.Label).ToList();
        var lines = numbered.ToList();
        // "/" rather than a middle dot: the dot is outside the GSM alphabet, and one such character makes a whole
        // English SMS UCS-2, two to three times the segments.
        if (words.Count > 0) lines.Add(string.Join(" / ", words));
        return text + "\n\n" + string.Join("\n", lines);
    }

    private static bool IsNumber(string payload) => payload.Length > 0 && payload.All(char.IsAsciiDigit);
}
