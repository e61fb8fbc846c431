namespace Tamkeen.Core.Conversations;

/// <summary>A reply in channel-neutral form; each channel renders buttons as it can (keyboard, numbered text).</summary>
public sealed record OutboundMessage(string Text, IReadOnlyList<ReplyButton> Buttons, IReadOnlyList<Attachment> Attachments)
{
    public OutboundMessage(string text, IReadOnlyList<ReplyButton> buttons) : this(text, buttons, []) { }

    /// <summary>
    /// Set when the reply asks for the person's mobile number: the label of a button that shares it with one tap, on a
    /// channel that has one (Telegram).
    /// </summary>
    public string? ContactButton { get; init; }
}

/// <summary>
/// A choice offered to the person. <see cref="Payload"/> is what pressing it sends (with the step it belongs to, see
/// <see cref="ButtonPayloads"/>); <see cref="Choice"/> is what typing does the same, the number shown on channels
/// without buttons.
/// </summary>
public sealed record ReplyButton(string Payload, string Label)
{
    public string Choice => ButtonPayloads.Choice(Payload);
}
