using System.ComponentModel.DataAnnotations;

namespace Tamkeen.Host.Staff.Pages;

public sealed class PasswordForm
{
    [Required(ErrorMessage = "اكتب كلمة المرور الحالية.")]
    public string? Current { get; set; }

    [Required(ErrorMessage = "اكتب كلمة المرور الجديدة.")]
    public string? New { get; set; }

    [Required(ErrorMessage = "اكتب كلمة المرور الجديدة مرة ثانية.")]
    [Compare(nameof(New), ErrorMessage = "كلمتا المرور الجديدتان غير متطابقتين.")]
    public string? Confirm { get; set; }
}
