using System.ComponentModel.DataAnnotations;

namespace Tamkeen.Host.Staff.Pages;

public sealed class StatusForm
{
    [Required(ErrorMessage = "اختر الحالة الجديدة.")]
    public string? Status { get; set; }

    /// <summary>Internal: kept in the history, never sent.</summary>
    [StringLength(2000, ErrorMessage = "الملاحظة الداخلية أطول من ٢٠٠٠ حرف.")]
    public string? Note { get; set; }

    /// <summary>Sent to the person with the status.</summary>
    [StringLength(1000, ErrorMessage = "الرسالة إلى المستفيد أطول من ١٠٠٠ حرف.")]
    public string? Message { get; set; }
}

public sealed class NoteForm
{
    [Required(ErrorMessage = "اكتب الملاحظة.")]
    [StringLength(2000, ErrorMessage = "الملاحظة أطول من ٢٠٠٠ حرف.")]
    public string? Text { get; set; }
}
