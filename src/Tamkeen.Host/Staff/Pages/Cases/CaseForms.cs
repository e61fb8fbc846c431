using System.ComponentModel.DataAnnotations;

namespace Tamkeen.Host.Staff.Pages.Cases;

public sealed class CaseReplyForm
{
    public const int MaxLength = 1500;

    [Required(ErrorMessage = "اكتب الرد.")]
    [StringLength(MaxLength, ErrorMessage = "الرد أطول من ١٥٠٠ حرف.")]
    public string? Text { get; set; }
}
