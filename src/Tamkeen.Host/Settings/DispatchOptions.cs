using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using Tamkeen.Core.Conversations;

namespace Tamkeen.Host.Settings;

/// <summary>How replies leave: rate limits per channel, retries, and how long one send may take.</summary>
public sealed class DispatchOptions
{
    public const string Section = "Dispatch";

    [Range(1, 1000, ErrorMessage = "Dispatch:BatchSize must be between 1 and 1000.")]
    public int BatchSize { get; set; } = 200;

    [Range(1, 100, ErrorMessage = "Dispatch:MaxAttempts must be between 1 and 100.")]
    public int MaxAttempts { get; set; } = 8;

    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00", ErrorMessage = "Dispatch:RetryBaseDelay must be between 00:00:00.100 and 01:00:00.")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "Dispatch:RetryMaxDelay must be between 00:00:01 and 1.00:00:00.")]
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(10);

    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00", ErrorMessage = "Dispatch:PollInterval must be between 00:00:00.050 and 00:10:00.")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    [Range(typeof(TimeSpan), "00:00:01", "00:05:00", ErrorMessage = "Dispatch:SendTimeout must be between 00:00:01 and 00:05:00.")]
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(20);

    [Range(1, 1000, ErrorMessage = "Dispatch:RecipientsInParallel must be between 1 and 1000.")]
    public int RecipientsInParallel { get; set; } = 32;

    public ChannelRateLimit Telegram { get; set; } = new() { PerSecond = 30, PerRecipientPerSecond = 1 };
    public ChannelRateLimit WhatsApp { get; set; } = new() { PerSecond = 80 };
    public ChannelRateLimit Sms { get; set; } = new() { PerSecond = 1 };
    public ChannelRateLimit WebChat { get; set; } = new() { PerSecond = 1000 };

    /// <summary>Telegram lets a bot post about 20 messages a minute in one group; alerts of a burst of cases wait their turn.</summary>
    public StaffGroupRateLimit StaffGroup { get; set; } = new();

    public ChannelRateLimit RateLimit(Channel channel) => channel switch
    {
        Channel.Telegram => Telegram,
        Channel.WhatsApp => WhatsApp,
        Channel.Sms => Sms,
        _ => WebChat,
    };

    public sealed class Validator : IValidateOptions<DispatchOptions>
    {
        public ValidateOptionsResult Validate(string? name, DispatchOptions options)
        {
            var problems = new List<string>();
            foreach (var channel in Enum.GetValues<Channel>())
            {
                var limit = options.RateLimit(channel);
                if (limit.PerSecond is < 1 or > 10_000)
                    problems.Add($"{Section}:{channel}:PerSecond must be between 1 and 10000 (it is {limit.PerSecond}).");
                if (limit.PerRecipientPerSecond is < 0 or > 10_000)
                    problems.Add($"{Section}:{channel}:PerRecipientPerSecond must be between 0 (no limit) and 10000 (it is {limit.PerRecipientPerSecond}).");
            }
            if (options.StaffGroup.Permits is < 1 or > 1000)
                problems.Add($"{Section}:StaffGroup:Permits must be between 1 and 1000 (it is {options.StaffGroup.Permits}).");
            if (options.StaffGroup.Window < TimeSpan.FromSeconds(1) || options.StaffGroup.Window > TimeSpan.FromHours(1))
                problems.Add($"{Section}:StaffGroup:Window must be between 00:00:01 and 01:00:00 (it is {options.StaffGroup.Window}).");
            if (options.RetryMaxDelay < options.RetryBaseDelay)
                problems.Add($"{Section}:RetryMaxDelay must not be shorter than {Section}:RetryBaseDelay.");
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}

/// <param name="PerSecond">Messages a second on the channel (Twilio: per sending number, as Twilio counts).</param>
/// <param name="PerRecipientPerSecond">Messages a second to one chat; 0 for no limit of its own.</param>
public sealed class ChannelRateLimit
{
    public int PerSecond { get; set; }
    public int PerRecipientPerSecond { get; set; }
}

/// <summary>Posts to the staff Telegram group: at most <see cref="Permits"/> in any <see cref="Window"/>.</summary>
public sealed class StaffGroupRateLimit
{
    public int Permits { get; set; } = 20;
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
