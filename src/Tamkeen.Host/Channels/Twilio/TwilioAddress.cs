using System.Text.RegularExpressions;
using Tamkeen.Core.Conversations;

namespace Tamkeen.Host.Channels.Twilio;

/// <summary>Twilio's addresses: "whatsapp:+9665…" on WhatsApp, "+9665…" by SMS.</summary>
public static partial class TwilioAddress
{
    public const string WhatsAppPrefix = "whatsapp:";

    public static Channel ChannelOf(string from) =>
        from.StartsWith(WhatsAppPrefix, StringComparison.OrdinalIgnoreCase) ? Channel.WhatsApp : Channel.Sms;

    /// <summary>The number without the channel prefix.</summary>
    public static string Phone(string address) =>
        ChannelOf(address) == Channel.WhatsApp ? address[WhatsAppPrefix.Length..] : address;

    /// <summary>The sender's number in E.164, or null when Twilio's From is not one (a short code, a sender id).</summary>
    public static string? E164(string from) => Phone(from) is var phone && E164Pattern().IsMatch(phone) ? phone : null;

    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$")]
    private static partial Regex E164Pattern();
}
