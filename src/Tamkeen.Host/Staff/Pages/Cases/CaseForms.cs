using System.ComponentModel.DataAnnotations;

namespace Tamkeen.Host.Staff.Pages.Cases;

public sealed class CaseReplyForm
{
    public const int MaxLength = 1500;

    [Required(ErrorMessageResourceType = typeof(FormErrors), ErrorMessageResourceName = nameof(FormErrors.CaseReplyMissing))]
    [StringLength(MaxLength, ErrorMessageResourceType = typeof(FormErrors), ErrorMessageResourceName = nameof(FormErrors.CaseReplyTooLong))]
    public string? Text { get; set; }
}
