namespace Tamkeen.Core.Conversations;

/// <summary>Collects the paragraphs and buttons of one turn's reply.</summary>
internal sealed class ReplyBuilder
{
    private readonly List<string> _paragraphs = [];
    private IReadOnlyList<ReplyButton> _buttons = [];
    private readonly List<ReplyButton> _added = [];
    private string? _contactButton;
    private readonly List<Attachment> _attachments = [];

    public void Say(string paragraph) => _paragraphs.Add(paragraph);

    /// <summary>The current step's choices; a later prompt replaces an earlier one's.</summary>
    public void Offer(IReadOnlyList<ReplyButton> buttons) => _buttons = buttons;

    /// <summary>A choice kept whatever the step offers after it (news: "send the information now").</summary>
    public void Add(ReplyButton button) => _added.Add(button);

    public void AskForContact(string buttonLabel) => _contactButton = buttonLabel;

    /// <summary>Photos or documents sent with the reply (a staff member's).</summary>
    public void Attach(IReadOnlyList<Attachment> attachments) => _attachments.AddRange(attachments);

    /// <param name="step">The step the person is in after this turn; the buttons belong to it.</param>
    public IReadOnlyList<OutboundMessage> Build(string step) =>
        _paragraphs.Count == 0
            ? []
            : [new OutboundMessage(string.Join("\n\n", _paragraphs), [.. _added, .. _buttons.Select(b => b with { Payload = ButtonPayloads.Tag(b.Payload, step) })], [.. _attachments])
            {
                ContactButton = _contactButton,
            }];
}
