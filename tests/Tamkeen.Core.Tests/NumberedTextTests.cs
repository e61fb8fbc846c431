using Tamkeen.Core.Conversations;
using Tamkeen.Core.Text;

namespace Tamkeen.Core.Tests;

public class NumberedTextTests
{
    [Fact]
    public void Choices_are_numbered_a_line_each_and_commands_follow_by_name()
    {
        var text = NumberedText.Render("اختر:", [new("1", "تقديم طلب"), new("2", "متابعة طلب"), new("back", "رجوع"), new("menu", "القائمة الرئيسية")]);
        Assert.Equal("اختر:\n\n1- تقديم طلب\n2- متابعة طلب\nرجوع / القائمة الرئيسية", text);
    }

    [Fact]
    public void A_reply_without_buttons_is_its_text() => Assert.Equal("شكراً", NumberedText.Render("شكراً", []));

    [Theory]
    [InlineData(Language.Arabic)]
    [InlineData(Language.English)]
    public void Every_command_button_label_typed_back_does_what_the_button_does(Language language)
    {
        // Without buttons, people type the label they see; each must be understood as the button's command.
        var labels = new Dictionary<TextKey, Command>
        {
            [TextKey.ButtonBack] = Command.Back,
            [TextKey.ButtonMenu] = Command.Menu,
            [TextKey.RequestSkip] = Command.Skip,
            [TextKey.ButtonTalkToStaff] = Command.Human,
        };
        foreach (var (key, command) in labels)
            Assert.Equal(command, Chat.Lexicon.Match(ArabicText.Normalize(Chat.Texts[language, key])));
    }
}
