using Tamkeen.Core.Conversations;

namespace Tamkeen.Faq.Tests;

public class GuideFileTests
{
    private const string OneEntry = """
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
              ar: نعم، نقدم سلالاً غذائية للأسر المسجلة.
              en: Yes, registered families receive food baskets.
            related: [food-baskets]
        """;

    [Fact]
    public void A_well_formed_entry_is_read_with_both_languages()
    {
        var entry = Assert.Single(GuideFile.Parse(OneEntry));
        Assert.Equal("food-baskets", entry.Id);
        Assert.Equal(3, entry.Questions[Language.Arabic].Count);
        Assert.Equal("Yes, registered families receive food baskets.", entry.Answer[Language.English]);
    }

    [Theory]
    [InlineData("      en: Yes, registered families receive food baskets.", "      en: [unclosed", "guide.yaml, line 15")]
    [InlineData("    related: [food-baskets]", "    related: [rent-help]", "guide.yaml, line 16: 'related' names 'rent-help'")]
    [InlineData("    answer:", "    answr:", "guide.yaml, line 13: unknown key 'answr'")]
    [InlineData("        - ابي سلة غذائية\n", "", "guide.yaml, line 7: 'food-baskets' needs at least 4 ways of asking")]
    [InlineData("      ar: هل تقدمون سلالاً غذائية؟", "      ar: \"هل تقدمون سلالاً غذائية؟", "guide.yaml, line 4")]
    [InlineData("  - id: food-baskets", "  - id: Food Baskets", "guide.yaml, line 2: the id 'Food Baskets' must be lower-case words")]
    public void A_mistake_is_reported_with_its_line(string original, string broken, string expected)
    {
        var yaml = OneEntry.Replace(original, broken, StringComparison.Ordinal);
        Assert.NotEqual(OneEntry, yaml);
        var error = Assert.Throws<GuideFormatException>(() => GuideFile.Parse(yaml));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_id_twice_names_both_lines()
    {
        var twice = OneEntry + "\n" + OneEntry[OneEntry.IndexOf("  - id:", StringComparison.Ordinal)..];
        var error = Assert.Throws<GuideFormatException>(() => GuideFile.Parse(twice));
        Assert.Contains("guide.yaml, line 17: the id 'food-baskets' is used twice (first at line 2)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_answer_longer_than_one_message_is_refused()
    {
        var yaml = OneEntry.Replace("نعم، نقدم سلالاً غذائية للأسر المسجلة.", new string('ن', GuideFile.MaxAnswerLength + 1), StringComparison.Ordinal);
        var error = Assert.Throws<GuideFormatException>(() => GuideFile.Parse(yaml));
        Assert.Contains("guide.yaml, line 14: the answer of 'food-baskets' has 1001 characters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_shipped_guide_is_marked_as_sample_and_covers_the_required_topics()
    {
        var text = File.ReadAllText(Path.Combine(Guide.Folder, GuideFolder.GuideFile));
        Assert.Contains("sample: true", text, StringComparison.Ordinal);
        var entries = GuideFile.Parse(text);
        Assert.True(entries.Count >= 40, $"{entries.Count} entries");
        Assert.All(entries, e =>
        {
            Assert.True(e.Questions[Language.Arabic].Count >= 3, e.Id);
            Assert.NotEmpty(e.Questions[Language.English]);
        });
        string[] required =
        [
            "who-can-register", "how-to-register", "registration-documents", "field-visit", "response-time", "track-request",
            "update-data", "services-overview", "food-baskets", "rent-support", "electricity-bills", "education-support",
            "medical-support", "training-employment", "productive-families", "family-counselling", "seasonal-programs",
            "working-hours", "location", "contact-channels", "complaints-suggestions", "evaluation-rights", "volunteering",
            "donating", "data-privacy", "rejection-appeal", "apply-on-behalf", "social-security-beneficiaries",
            "non-saudi-head", "assistance-frequency",
        ];
        Assert.Empty(required.Except(entries.Select(e => e.Id)));
    }
}
