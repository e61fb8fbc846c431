using Tamkeen.Core.Conversations;
using Tamkeen.Core.Feedback;
using Tamkeen.Host.Channels.Twilio;
using Tamkeen.Host.Feedback;
using Tamkeen.Host.Messaging;
using static Tamkeen.Host.Staff.ConsoleLanguage;

namespace Tamkeen.Host.Staff.Pages;

/// <summary>The console's words for the service's values, in its language.</summary>
public static class ConsoleText
{
    public static string Kind(FeedbackKind kind) => kind == FeedbackKind.Complaint ? Say("شكوى", "Complaint") : Say("اقتراح", "Suggestion");

    public static string Status(FeedbackStatus status) => status switch
    {
        FeedbackStatus.InProgress => Say("قيد المعالجة", "In progress"),
        FeedbackStatus.Handled => Say("تمت المعالجة", "Handled"),
        _ => Say("جديد", "New"),
    };

    public static string Channel(Channel? channel) => channel switch
    {
        Core.Conversations.Channel.WebChat => Say("محادثة الموقع", "Website chat"),
        Core.Conversations.Channel.Telegram => Say("تيليجرام", "Telegram"),
        Core.Conversations.Channel.WhatsApp => Say("واتساب", "WhatsApp"),
        Core.Conversations.Channel.Sms => Say("رسالة نصية", "SMS"),
        _ => "—",
    };

    /// <summary>Says the route too: staff should know the reply reached WhatsApp as the fixed template, or came by SMS.</summary>
    public static string Delivery(ReplyDelivery? delivery) => delivery switch
    {
        { Status: DeliveryStatus.Sent, Route: TwilioSender.TemplateRoute } =>
            Say("أُرسل بقالب واتساب المعتمد، لمضيّ ٢٤ ساعة على آخر رسالة في واتساب", "Sent as the approved WhatsApp template: 24 hours had passed since the last WhatsApp message"),
        { Status: DeliveryStatus.Sent, Route: TwilioSender.SmsFallbackRoute } =>
            Say("أُرسل برسالة نصية، لمضيّ ٢٤ ساعة على آخر رسالة في واتساب", "Sent by SMS: 24 hours had passed since the last WhatsApp message"),
        { Status: DeliveryStatus.Sent } => Say("أُرسل", "Sent"),
        { Status: DeliveryStatus.Failed } => Say("تعذّر الإرسال", "Could not be sent"),
        { Status: DeliveryStatus.Pending } => Say("قيد الإرسال", "Sending"),
        _ => "",
    };

    /// <summary>An enum value from a query string or form ("Complaint"), or null for none or anything else.</summary>
    public static T? Parse<T>(string? value) where T : struct, Enum =>
        Enum.TryParse<T>(value, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _) ? parsed : null;
}
