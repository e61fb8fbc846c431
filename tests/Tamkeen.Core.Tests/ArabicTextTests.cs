using Tamkeen.Core.Text;

namespace Tamkeen.Core.Tests;

public class ArabicTextTests
{
    [Theory]
    [InlineData("٠١٢٣٤٥٦٧٨٩", "0123456789")]
    [InlineData("۰۱۲۳۴۵۶۷۸۹", "0123456789")]
    [InlineData("رقم ٥ و 6", "رقم 5 و 6")]
    public void Arabic_Indic_and_Persian_digits_read_as_digits(string typed, string expected) =>
        Assert.Equal(expected, ArabicText.ToAsciiDigits(typed));

    [Theory]
    [InlineData("إلغاء", "الغاء")]
    [InlineData("أَلْغِ", "الغ")]
    [InlineData("آمنة", "امنه")]
    [InlineData("شكوى", "شكوي")]
    [InlineData("القائمـــة", "القايمه")]
    [InlineData("  Menu!! ", "menu")]
    [InlineData("مؤسسة", "موسسه")]
    [InlineData("٥.", "5")]
    public void Spelling_variants_fold_to_one_form(string typed, string expected) =>
        Assert.Equal(expected, ArabicText.Normalize(typed));

    [Theory]
    [InlineData("\u0000\u0007\u200f  ")]
    [InlineData("\r\n\t")]
    [InlineData(null)]
    public void Control_characters_alone_are_nothing(string? typed) =>
        Assert.Equal("", ArabicText.Clean(typed));

    [Theory]
    [InlineData("٥", 5)]
    [InlineData("5)", 5)]
    [InlineData("خمسة", null)]
    [InlineData("5 أطفال", null)]
    public void A_whole_message_that_is_a_number_is_a_choice(string typed, int? expected) =>
        Assert.Equal(expected, ArabicText.AsNumber(ArabicText.Normalize(typed)));
}
