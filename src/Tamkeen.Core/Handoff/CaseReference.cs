using System.Globalization;

namespace Tamkeen.Core.Handoff;

/// <summary>CAS-YYMM-NNNNN, in the style of request and feedback references, from the input that opened the case.</summary>
public static class CaseReference
{
    public static string Create(DateTimeOffset openedAt, string inputNumber) =>
        string.Create(CultureInfo.InvariantCulture, $"CAS-{openedAt:yyMM}-{long.Parse(inputNumber, CultureInfo.InvariantCulture):D5}");
}
