using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Tamkeen.Host.Settings;

/// <summary>How the timer scheduler retries a timer whose handler failed.</summary>
public sealed class TimerOptions
{
    public const string Section = "Timers";

    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00", ErrorMessage = "Timers:RetryBaseDelay must be between 00:00:00.100 and 01:00:00.")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(10);

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "Timers:RetryMaxDelay must be between 00:00:01 and 1.00:00:00.")]
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromHours(1);

    public sealed class Validator : IValidateOptions<TimerOptions>
    {
        public ValidateOptionsResult Validate(string? name, TimerOptions options) => options.RetryMaxDelay < options.RetryBaseDelay
            ? ValidateOptionsResult.Fail($"{Section}:RetryMaxDelay must not be shorter than {Section}:RetryBaseDelay.")
            : ValidateOptionsResult.Success;
    }
}
