using System.ComponentModel.DataAnnotations;

namespace Tamkeen.Host.Settings;

public sealed class MessagingOptions
{
    public const string Section = "Messaging";

    [Range(1, 256, ErrorMessage = "Messaging:Lanes must be between 1 and 256.")]
    public int Lanes { get; set; } = 64;

    [Range(100, 1_000_000, ErrorMessage = "Messaging:MaxQueued must be between 100 and 1000000.")]
    public int MaxQueued { get; set; } = 5_000;

    [Range(1, 1000, ErrorMessage = "Messaging:MaxQueuedPerPerson must be between 1 and 1000.")]
    public int MaxQueuedPerPerson { get; set; } = 20;
}
