using Tamkeen.Core.Conversations;
using Tamkeen.Core.Feedback;
using Tamkeen.Host.Channels.Twilio;
using Tamkeen.Host.Feedback;
using Tamkeen.Host.Messaging;

namespace Tamkeen.Host.Staff.Pages;

/// <summary>The console's Arabic words for the service's values.</summary>
public static class ConsoleText
{
    public static string Kind(FeedbackKind kind) => kind == FeedbackKind.Complaint ? "شكوى" : "اقتراح";

    public static string Status(FeedbackStatus status) => status switch
    {
        FeedbackStatus.InProgress => "قيد المعالجة",
        FeedbackStatus.Handled => "تمت المعالجة",
        _ => "جديد",
    };

    public static string Channel(Channel? channel) => channel switch
    {
        Core.Conversations.Channel.WebChat => "محادثة الموقع",
        Core.Conversations.Channel.Telegram => "تيليجرام",
        Core.Conversations.Channel.WhatsApp => "واتساب",
        Core.Conversations.Channel.Sms => "رسالة نصية",
        _ => "—",
    };

    /// <summary>Says the route too: staff should know the reply reached WhatsApp as the fixed template, or came by SMS.</summary>
    public static string Delivery(ReplyDelivery? delivery) => delivery switch
    {
        { Status: DeliveryStatus.Sent, Route: TwilioSender.TemplateRoute } => "أُرسل بقالب واتساب المعتمد، لمضيّ ٢٤ ساعة على آخر رسالة منه",
        { Status: DeliveryStatus.Sent, Route: TwilioSender.SmsFallbackRoute } => "أُرسل برسالة نصية، لمضيّ ٢٤ ساعة على آخر رسالة منه في واتساب",
        { Status: DeliveryStatus.Sent } => "أُرسل",
        { Status: DeliveryStatus.Failed } => "تعذّر الإرسال",
        { Status: DeliveryStatus.Pending } => "قيد الإرسال",
        _ => "",
    };

    /// <summary>An enum value from a query string or form ("Complaint"), or null for none or anything else.</summary>
    public static T? Parse<T>(string? value) where T : struct, Enum =>
        Enum.TryParse<T>(value, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _) ? parsed : null;
}
