namespace Tamkeen.Core.Requests;

/// <summary>Why a typed answer to a request field was not accepted; the bot explains each one differently.</summary>
public enum FieldProblem
{
    NameTooShort,
    NameNotLetters,
    NationalIdNotTenDigits,
    NationalIdFirstDigit,
    NationalIdCheckDigit,
    MobileFormat,
    CityUnknown,
    /// <summary>A Saudi city outside the Qassim region, which the association does not serve.</summary>
    CityOutsideQassim,
    FamilySizeNotNumber,
    FamilySizeOutOfRange,
    IncomeNotNumber,
    IncomeOutOfRange,
    DescriptionTooShort,
}
