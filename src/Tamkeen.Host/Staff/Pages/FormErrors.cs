using static Tamkeen.Host.Staff.ConsoleLanguage;

namespace Tamkeen.Host.Staff.Pages;

/// <summary>
/// The console forms' validation messages, in the console's language. An attribute takes only constants, so the forms
/// name these properties (ErrorMessageResourceType), which are read each time a message is shown.
/// </summary>
public static class FormErrors
{
    public static string UserNameMissing => Say("اكتب اسم المستخدم.", "Enter the user name.");
    public static string PasswordMissing => Say("اكتب كلمة المرور.", "Enter the password.");
    public static string CurrentPasswordMissing => Say("اكتب كلمة المرور الحالية.", "Enter the current password.");
    public static string NewPasswordMissing => Say("اكتب كلمة المرور الجديدة.", "Enter the new password.");
    public static string ConfirmationMissing => Say("اكتب كلمة المرور الجديدة مرة ثانية.", "Enter the new password a second time.");
    public static string ConfirmationDiffers => Say("كلمتا المرور الجديدتان غير متطابقتين.", "The two new passwords are not the same.");
    public static string RequestStatusMissing => Say("اختر الحالة الجديدة.", "Choose the new status.");
    public static string RequestNoteTooLong => Say("الملاحظة الداخلية أطول من ٢٠٠٠ حرف.", "The internal note is longer than 2000 characters.");
    public static string RequestMessageTooLong => Say("الرسالة إلى المستفيد أطول من ١٠٠٠ حرف.", "The message to the beneficiary is longer than 1000 characters.");
    public static string NoteMissing => Say("اكتب الملاحظة.", "Write the note.");
    public static string NoteTooLong => Say("الملاحظة أطول من ٢٠٠٠ حرف.", "The note is longer than 2000 characters.");
    public static string FeedbackStatusMissing => Say("اختر الحالة.", "Choose the status.");
    public static string FeedbackNoteTooLong => Say("الملاحظة أطول من المسموح.", "The note is longer than allowed.");
    public static string ReplyMissing => Say("اكتب نص الرد.", "Write the reply.");
    public static string ReplyTooLong => Say("الرد أطول من ١٠٠٠ حرف.", "The reply is longer than 1000 characters.");
    public static string CaseReplyMissing => Say("اكتب الرد.", "Write the reply.");
    public static string CaseReplyTooLong => Say("الرد أطول من ١٥٠٠ حرف.", "The reply is longer than 1500 characters.");
    public static string DisplayNameMissing => Say("يرجى كتابة الاسم.", "Write the name.");
    public static string DisplayNameTooLong => Say("الاسم أطول من ٤٠ حرفاً.", "The name is longer than 40 characters.");
}
