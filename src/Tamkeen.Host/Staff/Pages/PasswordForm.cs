using System.ComponentModel.DataAnnotations;

namespace Tamkeen.Host.Staff.Pages;

public sealed class PasswordForm
{
    [Required(ErrorMessageResourceType = typeof(FormErrors), ErrorMessageResourceName = nameof(FormErrors.CurrentPasswordMissing))]
    public string? Current { get; set; }

    [Required(ErrorMessageResourceType = typeof(FormErrors), ErrorMessageResourceName = nameof(FormErrors.NewPasswordMissing))]
    public string? New { get; set; }

    [Required(ErrorMessageResourceType = typeof(FormErrors), ErrorMessageResourceName = nameof(FormErrors.ConfirmationMissing))]
    [Compare(nameof(New), ErrorMessageResourceType = typeof(FormErrors), ErrorMessageResourceName = nameof(FormErrors.ConfirmationDiffers))]
    public string? Confirm { get; set; }
}

public sealed class DisplayNameForm
{
    public const int MaxLength = 40;

    [Required(ErrorMessageResourceType = typeof(FormErrors), ErrorMessageResourceName = nameof(FormErrors.DisplayNameMissing))]
    [StringLength(MaxLength, ErrorMessageResourceType = typeof(FormErrors), ErrorMessageResourceName = nameof(FormErrors.DisplayNameTooLong))]
    public string? Name { get; set; }
}
