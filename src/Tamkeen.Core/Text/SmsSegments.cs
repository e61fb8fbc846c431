namespace Tamkeen.Core.Text;

/// <summary>
/// How many SMS segments a text costs. Text entirely in the GSM 03.38 alphabet goes as 7-bit (160 a segment, 153 when
/// split; the extension characters count twice); anything else, Arabic included, as UCS-2 (70 a segment, 67 when split).
/// </summary>
public static class SmsSegments
{
    private const string Basic =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private const string Extension = "^{}\\[~]|€\f";

    public static bool IsGsm7(string text) => text.All(c => Basic.Contains(c) || Extension.Contains(c));

    public static int Count(string text)
    {
        if (text.Length == 0) return 1;
        if (IsGsm7(text))
        {
            var septets = text.Sum(c => Extension.Contains(c) ? 2 : 1);
            return septets <= 160 ? 1 : (septets + 152) / 153;
        }
        // UTF-16 code units: a character outside the basic plane (an emoji) takes two.
        return text.Length <= 70 ? 1 : (text.Length + 66) / 67;
    }
}
