namespace Tamkeen.Core.Requests;

/// <summary>A typed answer either accepted (with the value to store) or refused (with the reason).</summary>
public readonly record struct FieldResult(string? Value, FieldProblem? Problem)
{
    public bool IsValid => Problem is null;

    public static FieldResult Valid(string value) => new(value, null);

    public static FieldResult Invalid(FieldProblem problem) => new(null, problem);
}
