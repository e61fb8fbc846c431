namespace Tamkeen.Core.Conversations;

/// <summary>Collects the paragraphs and buttons of one turn's reply.</summary>
internal sealed class ReplyBuilder
{
    private readonly List<string> _paragraphs = [];
    private IReadOnlyList<ReplyButton> _buttons = [];
    private string? _contactButton;

    public void Say(string paragraph) => _paragraphs.Add(paragraph);

    public void Offer(IReadOnlyList<ReplyButton> buttons) => _buttons = buttons;

    public void AskForContact(string buttonLabel) => _contactButton = buttonLabel;

    public IReadOnlyList<OutboundMessage> Build() =>
        _paragraphs.Count == 0 ? [] : [new OutboundMessage(string.Join("\n\n", _paragraphs), _buttons) { ContactButton = _contactButton }];
}
