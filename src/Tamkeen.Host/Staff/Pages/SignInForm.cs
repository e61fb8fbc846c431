using System.ComponentModel.DataAnnotations;

namespace Tamkeen.Host.Staff.Pages;

public sealed class SignInForm
{
    [Required(ErrorMessageResourceType = typeof(FormErrors), ErrorMessageResourceName = nameof(FormErrors.UserNameMissing))]
    public string? UserName { get; set; }

    [Required(ErrorMessageResourceType = typeof(FormErrors), ErrorMessageResourceName = nameof(FormErrors.PasswordMissing))]
    public string? Password { get; set; }
}
