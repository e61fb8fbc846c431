using System.ComponentModel.DataAnnotations;

namespace Tamkeen.Host.Staff.Pages;

public sealed class SignInForm
{
    [Required(ErrorMessage = "اكتب اسم المستخدم.")]
    public string? UserName { get; set; }

    [Required(ErrorMessage = "اكتب كلمة المرور.")]
    public string? Password { get; set; }
}
