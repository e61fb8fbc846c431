using System.ComponentModel.DataAnnotations;

namespace Tamkeen.Host.Settings;

public sealed class MessagingOptions
{
    public const string Section = "Messaging";

    [Range(1, 256, ErrorMessage = "Messaging:Lanes must be between 1 and 256.")]
    public int Lanes { get; set; } = 64;
}
