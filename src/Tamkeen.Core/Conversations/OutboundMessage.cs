namespace Tamkeen.Core.Conversations;

/// <summary>A reply in channel-neutral form; each channel renders buttons as it can (keyboard, numbered text).</summary>
public sealed record OutboundMessage(string Text, IReadOnlyList<ReplyButton> Buttons, IReadOnlyList<Attachment> Attachments)
{
    public OutboundMessage(string text, IReadOnlyList<ReplyButton> buttons) : this(text, buttons, []) { }

    /// <summary>The reply asks for the person's mobile number; a channel that can share it with one tap offers that.</summary>
    public bool AsksForContact { get; init; }
}

/// <summary>A choice offered to the person; <see cref="Payload"/> is what pressing it sends, the same as typing it.</summary>
public sealed record ReplyButton(string Payload, string Label);
