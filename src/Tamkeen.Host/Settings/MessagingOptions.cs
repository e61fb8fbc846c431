using System.ComponentModel.DataAnnotations;

namespace Tamkeen.Host.Settings;

public sealed class MessagingOptions
{
    public const string Section = "Messaging";

    [Range(1, 256, ErrorMessage = "Messaging:Lanes must be between 1 and 256.")]
    public int Lanes { get; set; } = 64;

    [Range(1, 1000, ErrorMessage = "Messaging:DispatchBatchSize must be between 1 and 1000.")]
    public int DispatchBatchSize { get; set; } = 200;

    [Range(1, 100, ErrorMessage = "Messaging:MaxSendAttempts must be between 1 and 100.")]
    public int MaxSendAttempts { get; set; } = 8;

    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00", ErrorMessage = "Messaging:RetryBaseDelay must be between 00:00:00.100 and 01:00:00.")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "Messaging:RetryMaxDelay must be between 00:00:01 and 1.00:00:00.")]
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(10);

    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00", ErrorMessage = "Messaging:DispatchPollInterval must be between 00:00:00.050 and 00:10:00.")]
    public TimeSpan DispatchPollInterval { get; set; } = TimeSpan.FromSeconds(5);
}
