using Tamkeen.Core.Text;

namespace Tamkeen.Core.Conversations;

/// <summary>What one bot message costs on SMS, and the most it may cost (setting Sms:SegmentBudget).</summary>
public static class SmsBudget
{
    /// <summary>
    /// Four segments: 268 Arabic characters (UCS-2, 67 a segment when split), under the 320 characters Twilio advises
    /// as the most for reliable SMS, and enough for the menu with a sentence before it. Each reply then costs at most
    /// four segment prices, and reads in two or three screens of a basic phone.
    /// </summary>
    public const int DefaultSegments = 4;

    /// <summary>The message as the person reads it on SMS: its text with the choices numbered below.</summary>
    public static string AsSent(OutboundMessage message) => NumberedText.Render(message.Text, message.Buttons);

    public static int Segments(OutboundMessage message) => SmsSegments.Count(AsSent(message));
}
