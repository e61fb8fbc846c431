using System.ComponentModel.DataAnnotations;
using Tamkeen.Core.Feedback;

namespace Tamkeen.Host.Staff.Pages;

public sealed class FeedbackStatusForm
{
    [Required(ErrorMessageResourceType = typeof(FormErrors), ErrorMessageResourceName = nameof(FormErrors.FeedbackStatusMissing))]
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
    [MaxLength(FeedbackItem.NoteMaxLength, ErrorMessageResourceType = typeof(FormErrors), ErrorMessageResourceName = nameof(FormErrors.FeedbackNoteTooLong))]
    public string? Note { get; set; }
}

public sealed class FeedbackReplyForm
{
    public const int MaxLength = 1000;

    [Required(ErrorMessageResourceType = typeof(FormErrors), ErrorMessageResourceName = nameof(FormErrors.ReplyMissing))]
    [MaxLength(MaxLength, ErrorMessageResourceType = typeof(FormErrors), ErrorMessageResourceName = nameof(FormErrors.ReplyTooLong))]
    public string? Reply { get; set; }
}
