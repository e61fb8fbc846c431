using System.ComponentModel.DataAnnotations;
using Tamkeen.Host.Staff;

namespace Tamkeen.Host.Settings;

/// <summary>Who may use the staff API: a name per token (Staff__ApiTokens__sara=…); tokens come from secrets, never files.</summary>
public sealed class StaffOptions : IValidatableObject
{
    public const string Section = "Staff";
    public const int MinTokenLength = 32;

    public Dictionary<string, string> ApiTokens { get; set; } = [];

    /// <summary>The role of each token's name; a name not listed is a manager.</summary>
    public Dictionary<string, string> ApiTokenRoles { get; set; } = [];

    public string RoleOf(string name) => ApiTokenRoles.TryGetValue(name, out var role) ? role : StaffRoles.Manager;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, token) in ApiTokens)
        {
            if ((token ?? "").Length < MinTokenLength)
                yield return new ValidationResult($"Staff:ApiTokens:{name} must be at least {MinTokenLength} characters (a random secret).", [nameof(ApiTokens)]);
        }
        foreach (var (name, role) in ApiTokenRoles)
        {
            if (!StaffRoles.IsRole(role))
                yield return new ValidationResult($"Staff:ApiTokenRoles:{name} must be one of: {string.Join(", ", StaffRoles.All)}.", [nameof(ApiTokenRoles)]);
        }
    }
}
