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
    FamilySizeNotNumber,
    FamilySizeOutOfRange,
    IncomeNotNumber,
    IncomeOutOfRange,
    DescriptionTooShort,
}
