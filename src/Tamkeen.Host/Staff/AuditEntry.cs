namespace Tamkeen.Host.Staff;

/// <summary>One thing a member of staff did (or tried): who, when, what, on which subject (an account, a request), and how.</summary>
public sealed class AuditEntry
{
    public const int WhoMaxLength = 256;
    public const int SubjectMaxLength = 128;
    public const int DetailMaxLength = 1000;

    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Who { get; set; }
    public required string Action { get; set; }
    public string? Subject { get; set; }
    public string? Detail { get; set; }

    public static AuditEntry Create(DateTimeOffset at, string who, string action, string? subject = null, string? detail = null) => new()
    {
        At = at, Who = Cut(who, WhoMaxLength)!, Action = action, Subject = Cut(subject, SubjectMaxLength), Detail = Cut(detail, DetailMaxLength),
    };

    private static string? Cut(string? text, int length) => text is null || text.Length <= length ? text : text[..length];
}

/// <summary>The actions the audit log records.</summary>
public static class AuditActions
{
    public const string SignedIn = "signed-in";
    public const string SignInFailed = "sign-in-failed";
    public const string SignInLockedOut = "sign-in-locked-out";
    public const string SignedOut = "signed-out";
    public const string PasswordChanged = "password-changed";
    public const string DisplayNameChanged = "display-name-changed";
    public const string AccountCreated = "account-created";
    public const string AccountRoleChanged = "account-role-changed";
    public const string AccountDisabled = "account-disabled";
    public const string AccountEnabled = "account-enabled";
    public const string PasswordReset = "password-reset";
    public const string TokenCreated = "token-created";
    public const string TokenRevoked = "token-revoked";
    public const string RequestStatusChanged = "request-status-changed";
    public const string RequestNoteAdded = "request-note-added";
    public const string FeedbackStatusChanged = "feedback-status-changed";
    public const string FeedbackAssigned = "feedback-assigned";
    public const string FeedbackNoteSaved = "feedback-note-saved";
    public const string FeedbackReplied = "feedback-replied";
    public const string CaseClaimed = "case-claimed";
    public const string CaseReplied = "case-replied";
    public const string CaseReleased = "case-released";
    public const string CaseClosed = "case-closed";
    public const string CaseReopened = "case-reopened";
    public const string TelegramLinked = "telegram-linked";
    /// <summary>A member of staff had a request's full phone and national ID shown (the console masks them otherwise).</summary>
    public const string PersonalDataShown = "personal-data-shown";
}
