using Tamkeen.Core.Surveys;

namespace Tamkeen.Core.Tests.Surveys;

public sealed class ScoreWordsTests
{
    private static readonly ScoreWords Words = ScoreWords.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "content", "poll-words.json")));

    [Theory]
    [InlineData("5", 5)]
    [InlineData("٤", 4)]
    [InlineData("۳", 3)]
    [InlineData(" 2 ", 2)]
    [InlineData("4/5", 4)]
    [InlineData("٥ من ٥", 5)]
    [InlineData("1.", 1)]
    [InlineData("ممتاز", 5)]
    [InlineData("ممتازة", 5)]
    [InlineData("جيد جداً", 4)]
    [InlineData("مقبول", 3)]
    [InlineData("سيئ", 2)]
    [InlineData("سيء جدا", 1)]
    [InlineData("Excellent", 5)]
    [InlineData("bad", 2)]
    [InlineData("👍", 5)]
    [InlineData("👍🏽", 5)]
    [InlineData("👎", 1)]
    [InlineData("😐", 3)]
    [InlineData("❤️", 5)]
    [InlineData("⭐⭐⭐⭐", 4)]
    [InlineData("⭐️⭐️", 2)]
    public void A_typed_answer_is_read_as_its_score(string answer, int score) => Assert.Equal(score, Words.Read(answer));

    [Theory]
    [InlineData("6")]
    [InlineData("0")]
    [InlineData("45")]
    [InlineData("1012345672")]
    [InlineData("5 ريال")]
    [InlineData("متى يصلني رد على طلبي؟")]
    [InlineData("جيد لكن الرد تأخر")]
    [InlineData("⭐⭐⭐⭐⭐⭐")]
    [InlineData("")]
    public void Anything_else_is_not_a_score(string answer) => Assert.Null(Words.Read(answer));
}
