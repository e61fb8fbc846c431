using Tamkeen.Core.Conversations;
using Tamkeen.Core.Guide;

namespace Tamkeen.Faq.Tests;

public class GuideSearchTests
{
    [Theory]
    [InlineData("ما أوقات الدوام؟", "working-hours")]                       // formal
    [InlineData("متى تفتحون؟", "working-hours")]                            // colloquial, a dialect word from words.yaml
    [InlineData("وش الاوراق المطلوبه للتسجيل", "registration-documents")]   // no hamza, ه for ة
    [InlineData("كيف اتابع حاله طلبي", "track-request")]
    [InlineData("هل تساعدون في سداد فواتير الكهربا", "electricity-bills")]
    [InlineData("هل تساعدون في دفع الايحار", "rent-support")]               // one-letter typo: ح for ج
    [InlineData("What documents do I need to register?", "registration-documents")]
    public void Questions_in_many_spellings_find_their_entry(string question, string expected)
    {
        var match = Guide.Shipped.Ask(question);
        Assert.Equal(expected, match.Best?.Id);
        Assert.NotEqual(GuideDecision.Fallback, match.Decision);
    }

    [Theory]
    [InlineData("What are your working hours?", Language.English)]
    [InlineData("ما أوقات الدوام؟", Language.Arabic)]
    public void The_answer_is_in_the_language_of_the_question(string question, Language expected)
    {
        Assert.Equal(expected, Guide.Shipped.Ask(question).Language);
    }

    [Theory]
    [InlineData("كيف الطقس في بريدة اليوم")]
    [InlineData("كم سعر الذهب")]
    [InlineData("how do I renew my passport")]
    [InlineData("وين اجدد رخصة القيادة")]
    public void Questions_about_what_the_association_does_not_do_fall_back(string question)
    {
        Assert.Equal(GuideDecision.Fallback, Guide.Shipped.Ask(question).Decision);
    }

    [Fact]
    public void Nothing_but_filler_words_falls_back()
    {
        Assert.Equal(GuideDecision.Fallback, Guide.Shipped.Ask("لو سمحت").Decision);
    }

    [Fact]
    public void Every_title_is_answered_with_its_own_entry()
    {
        var entries = GuideFile.Parse(File.ReadAllText(Path.Combine(Guide.Folder, GuideFolder.GuideFile)));
        var wrong = entries
            .SelectMany(e => new[] { Language.Arabic, Language.English }.Select(l => (e.Id, Question: e.Title[l])))
            .Select(q => (q.Id, q.Question, Match: Guide.Shipped.Ask(q.Question)))
            .Where(q => q.Match.Best?.Id != q.Id)
            .Select(q => $"{q.Question} → {q.Match.Best?.Id} ({q.Match.Decision})")
            .ToList();
        Assert.Empty(wrong);
    }
}
