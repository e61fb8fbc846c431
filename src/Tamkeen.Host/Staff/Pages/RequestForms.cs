using System.ComponentModel.DataAnnotations;

namespace Tamkeen.Host.Staff.Pages;

public sealed class StatusForm
{
    [Required(ErrorMessageResourceType = typeof(FormErrors), ErrorMessageResourceName = nameof(FormErrors.RequestStatusMissing))]
    public string? Status { get; set; }

    /// <summary>Internal: kept in the history, never sent.</summary>
    [StringLength(2000, ErrorMessageResourceType = typeof(FormErrors), ErrorMessageResourceName = nameof(FormErrors.RequestNoteTooLong))]
    public string? Note { get; set; }

    /// <summary>Sent to the person with the status.</summary>
    [StringLength(1000, ErrorMessageResourceType = typeof(FormErrors), ErrorMessageResourceName = nameof(FormErrors.RequestMessageTooLong))]
    public string? Message { get; set; }
}

public sealed class NoteForm
{
    [Required(ErrorMessageResourceType = typeof(FormErrors), ErrorMessageResourceName = nameof(FormErrors.NoteMissing))]
    [StringLength(2000, ErrorMessageResourceType = typeof(FormErrors), ErrorMessageResourceName = nameof(FormErrors.NoteTooLong))]
    public string? Text { get; set; }
}
