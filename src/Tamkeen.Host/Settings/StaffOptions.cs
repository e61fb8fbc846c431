using System.ComponentModel.DataAnnotations;

namespace Tamkeen.Host.Settings;

/// <summary>Who may use the staff API: a name per token (Staff__ApiTokens__sara=…); tokens come from secrets, never files.</summary>
public sealed class StaffOptions : IValidatableObject
{
    public const string Section = "Staff";
    public const int MinTokenLength = 32;

    public Dictionary<string, string> ApiTokens { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, token) in ApiTokens)
        {
            if ((token ?? "").Length < MinTokenLength)
                yield return new ValidationResult($"Staff:ApiTokens:{name} must be at least {MinTokenLength} characters (a random secret).", [nameof(ApiTokens)]);
        }
    }
}
