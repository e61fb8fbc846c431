using System.Text.RegularExpressions;

namespace Tamkeen.Host.Staff;

/// <summary>What staff pages show of phone numbers and chat ids: the first three and last three digits.</summary>
public static partial class ContactMask
{
    /// <summary>An address or phone number: digits past the first three and before the last three become dots.</summary>
    public static string Address(string address)
    {
        var digits = address.Count(char.IsDigit);
        if (digits <= 6) return address;
        var seen = 0;
        return string.Concat(address.Select(c => !char.IsDigit(c) ? c : ++seen <= 3 || seen > digits - 3 ? c : '•'));
    }

    /// <summary>Free text (a question) with every number of seven digits or more masked, in any digit script.</summary>
    public static string Numbers(string text) => LongNumber().Replace(text, m => m.Value.Count(char.IsDigit) > 6 ? Address(m.Value) : m.Value);

    [GeneratedRegex(@"\+?\p{Nd}[\p{Nd} \-]{5,}\p{Nd}")]
    private static partial Regex LongNumber();
}
