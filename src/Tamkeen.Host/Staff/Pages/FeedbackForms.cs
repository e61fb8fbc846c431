using System.ComponentModel.DataAnnotations;
using Tamkeen.Core.Feedback;

namespace Tamkeen.Host.Staff.Pages;

public sealed class FeedbackStatusForm
{
    [Required(ErrorMessage = "اختر الحالة.")]
    public FeedbackStatus? Status { get; set; }
}

public sealed class FeedbackAssignForm
{
    /// <summary>A staff account's user name; empty for nobody.</summary>
    public string? Assignee { get; set; }
}

/// <summary>"Assign to me": the button is the whole form.</summary>
public sealed class FeedbackAssignMeForm;

public sealed class FeedbackNoteForm
{
    [MaxLength(FeedbackItem.NoteMaxLength, ErrorMessage = "الملاحظة أطول من المسموح.")]
    public string? Note { get; set; }
}

public sealed class FeedbackReplyForm
{
    public const int MaxLength = 1000;

    [Required(ErrorMessage = "اكتب نص الرد.")]
    [MaxLength(MaxLength, ErrorMessage = "الرد أطول من ١٠٠٠ حرف.")]
    public string? Reply { get; set; }
}
