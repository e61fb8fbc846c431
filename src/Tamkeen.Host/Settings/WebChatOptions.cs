using System.ComponentModel.DataAnnotations;

namespace Tamkeen.Host.Settings;

public sealed class WebChatOptions
{
    public const string Section = "WebChat";

    /// <summary>Requests larger than this are refused before they are read; below it, long texts get the bot's polite limit message.</summary>
    [Range(4_096, 1_048_576, ErrorMessage = "WebChat:MaxRequestBytes must be between 4096 and 1048576.")]
    public int MaxRequestBytes { get; set; } = 65_536;

    [Range(1, 6_000, ErrorMessage = "WebChat:MessagesPerMinute must be between 1 and 6000.")]
    public int MessagesPerMinute { get; set; } = 30;

    [Range(1, 1_000, ErrorMessage = "WebChat:MessagesBurst must be between 1 and 1000.")]
    public int MessagesBurst { get; set; } = 10;

    [Range(1, 10_000, ErrorMessage = "WebChat:NewSessionsPerMinute must be between 1 and 10000.")]
    public int NewSessionsPerMinute { get; set; } = 20;
}
