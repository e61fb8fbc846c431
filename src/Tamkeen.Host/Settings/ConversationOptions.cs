using System.ComponentModel.DataAnnotations;

namespace Tamkeen.Host.Settings;

public sealed class ConversationOptions
{
    public const string Section = "Conversation";

    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00", ErrorMessage = "Conversation:IdleTimeout must be between 00:01:00 (one minute) and 7.00:00:00 (one week).")]
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    [Range(20, 20_000, ErrorMessage = "Conversation:MaxMessageLength must be between 20 and 20000 characters.")]
    public int MaxMessageLength { get; set; } = 2000;

    [Range(typeof(TimeSpan), "01:00:00", "30.00:00:00", ErrorMessage = "Conversation:InformationReminderAfter must be between 01:00:00 (one hour) and 30.00:00:00 (30 days).")]
    public TimeSpan InformationReminderAfter { get; set; } = TimeSpan.FromDays(3);

    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00", ErrorMessage = "Conversation:InformationQuietTime must be between 00:01:00 (one minute) and 1.00:00:00 (one day).")]
    public TimeSpan InformationQuietTime { get; set; } = TimeSpan.FromMinutes(10);
}
