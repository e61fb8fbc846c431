using System.ComponentModel.DataAnnotations;

namespace Tamkeen.Host.Settings;

public sealed class WebChatOptions
{
    public const string Section = "WebChat";

    /// <summary>Requests larger than this are refused before they are read; below it, long texts get the bot's polite limit message.</summary>
    [Range(4_096, 1_048_576, ErrorMessage = "WebChat:MaxRequestBytes must be between 4096 and 1048576.")]
    public int MaxRequestBytes { get; set; } = 65_536;
}
