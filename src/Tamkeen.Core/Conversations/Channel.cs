namespace Tamkeen.Core.Conversations;

public enum Channel
{
    WebChat = 1,
    Telegram = 2,
    WhatsApp = 3,
    Sms = 4,
}
