namespace Tamkeen.Core.Requests;

/// <summary>What a service request can ask for; content/requests/services.json names them by <see cref="RequestFields.Code"/>.</summary>
public enum RequestField
{
    FullName,
    NationalId,
    Mobile,
    City,
    FamilySize,
    MonthlyIncome,
    Description,
}

public static class RequestFields
{
    private static readonly Dictionary<string, RequestField> ByCode = Enum.GetValues<RequestField>().ToDictionary(Code);

    /// <summary>"full-name", "national-id", …</summary>
    public static string Code(RequestField field) => field switch
    {
        RequestField.FullName => "full-name",
        RequestField.NationalId => "national-id",
        RequestField.Mobile => "mobile",
        RequestField.City => "city",
        RequestField.FamilySize => "family-size",
        RequestField.MonthlyIncome => "monthly-income",
        _ => "description",
    };

    public static RequestField? FromCode(string code) => ByCode.TryGetValue(code, out var field) ? field : null;

    public static FieldResult Validate(RequestField field, string input) => field switch
    {
        RequestField.FullName => FieldValidators.FullName(input),
        RequestField.NationalId => FieldValidators.NationalId(input),
        RequestField.Mobile => FieldValidators.Mobile(input),
        RequestField.City => FieldValidators.City(input),
        RequestField.FamilySize => FieldValidators.FamilySize(input),
        RequestField.MonthlyIncome => FieldValidators.MonthlyIncome(input),
        _ => FieldValidators.Description(input),
    };
}
