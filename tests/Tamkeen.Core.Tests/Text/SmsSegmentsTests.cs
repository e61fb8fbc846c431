using Tamkeen.Core.Text;

namespace Tamkeen.Core.Tests.Text;

public class SmsSegmentsTests
{
    [Theory]
    [InlineData(70, 1)]
    [InlineData(71, 2)]
    [InlineData(134, 2)]
    [InlineData(135, 3)]
    public void Arabic_goes_as_ucs2_seventy_a_segment_and_sixty_seven_when_split(int letters, int segments) =>
        Assert.Equal(segments, SmsSegments.Count(new string('ب', letters)));

    [Theory]
    [InlineData(160, 1)]
    [InlineData(161, 2)]
    [InlineData(306, 2)]
    [InlineData(307, 3)]
    public void Plain_english_goes_as_gsm7_one_hundred_sixty_a_segment(int letters, int segments) =>
        Assert.Equal(segments, SmsSegments.Count(new string('a', letters)));

    [Fact]
    public void Gsm_extension_characters_count_twice() =>
        Assert.Equal(2, SmsSegments.Count(new string('a', 159) + "€"));

    [Fact]
    public void One_arabic_letter_or_emoji_turns_english_into_ucs2()
    {
        Assert.Equal(2, SmsSegments.Count(new string('a', 70) + "ب"));
        Assert.False(SmsSegments.IsGsm7("Thanks 👍"));
    }
}
