using Tamkeen.Core.Conversations;

namespace Tamkeen.Faq.Tests;

public class GuideSmsAnswerTests
{
    private const string Entry = """
        entries:
          - id: food-baskets
            title:
              ar: هل تقدمون سلالاً غذائية؟
              en: Do you give food baskets?
            questions:
              ar:
                - هل تقدمون سلالاً غذائية؟
                - ابي سلة غذائية
                - هل توجد سلال غذائيه
              en:
                - Do you give food baskets?
            answer:
              ar: نعم، نقدم سلالاً غذائية شهرية للأسر المسجلة بحسب دراسة الحالة.
              en: Yes, registered families receive monthly food baskets, based on their case study.
            sms:
              ar: نعم، للأسر المسجلة.
        """;

    [Fact]
    public void The_short_answer_goes_by_sms_and_the_full_one_elsewhere()
    {
        var entry = Assert.Single(GuideFile.Parse(Entry));
        Assert.Equal("نعم، للأسر المسجلة.", entry.AnswerFor(Language.Arabic, Channel.Sms));
        Assert.Equal(entry.Answer[Language.Arabic], entry.AnswerFor(Language.Arabic, Channel.WhatsApp));
        Assert.Equal(entry.Answer[Language.Arabic], entry.AnswerFor(Language.Arabic, Channel.WebChat));
    }

    [Fact]
    public void A_language_without_a_short_answer_sends_the_full_one_by_sms()
    {
        var entry = Assert.Single(GuideFile.Parse(Entry));
        Assert.Equal(entry.Answer[Language.English], entry.AnswerFor(Language.English, Channel.Sms));
    }

    [Theory]
    [InlineData("      ar: نعم، للأسر المسجلة.", "      ar: نعم، نقدم سلالاً غذائية شهرية للأسر المسجلة بحسب دراسة الحالة، ونبلغك بموعد الاستلام.",
        "guide.yaml, line 17: the SMS answer of 'food-baskets' (ar) has 85 characters, no fewer than the full answer (62)")]
    [InlineData("      ar: نعم، للأسر المسجلة.", "      fr: Oui.", "guide.yaml, line 17: unknown key 'fr' in the SMS answer of 'food-baskets'")]
    [InlineData("      ar: نعم، للأسر المسجلة.", "      ar: \"\"", "guide.yaml, line 17: the SMS answer of 'food-baskets' (ar) is empty")]
    public void A_wrong_short_answer_is_reported_with_its_line(string original, string broken, string expected)
    {
        var yaml = Entry.Replace(original, broken, StringComparison.Ordinal);
        Assert.NotEqual(Entry, yaml);
        var error = Assert.Throws<GuideFormatException>(() => GuideFile.Parse(yaml));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_entry_of_the_shipped_guide_has_a_short_answer_in_both_languages()
    {
        // A person on a basic phone gets the essentials and where to go next, not 400 characters over seven segments.
        foreach (var entry in Guide.Shipped.Entries)
        {
            Assert.NotNull(entry.SmsAnswer);
            Assert.Equal([Language.Arabic, Language.English], entry.SmsAnswer.Keys.Order());
        }
    }
}
