using Tamkeen.Core.Conversations;

namespace Tamkeen.Core.Tests;

public class ContentTests
{
    [Fact]
    public void Shipped_texts_have_every_key_in_both_languages()
    {
        foreach (var key in Enum.GetValues<TextKey>())
        {
            Assert.False(string.IsNullOrWhiteSpace(Chat.Texts[Language.Arabic, key]));
            Assert.False(string.IsNullOrWhiteSpace(Chat.Texts[Language.English, key]));
        }
    }

    [Fact]
    public void A_missing_text_is_named()
    {
        var error = Assert.Throws<InvalidDataException>(() => BotTexts.Parse(new Dictionary<Language, string>
        {
            [Language.Arabic] = """{ "Welcome": "أهلاً" }""",
            [Language.English] = """{ "Welcome": "Hi" }""",
        }));
        Assert.Contains("Bot text 'IdleRestart' for Arabic is missing", error.Message);
    }

    [Fact]
    public void A_phrase_listed_for_two_commands_is_refused()
    {
        var error = Assert.Throws<InvalidDataException>(() => CommandLexicon.Parse(
            """{ "Menu": ["القائمة"], "Back": ["القائمه"] }"""));
        Assert.Contains("القائمه", error.Message);
    }
}
