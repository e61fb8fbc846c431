using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.Extensions.Options;
using Tamkeen.Core.Handoff;

namespace Tamkeen.Host.Handoff;

/// <summary>Escalation to staff: the staff Telegram group, working hours, the waits before a case is raised, the signature.</summary>
public sealed class HandoffOptions
{
    public const string Section = "Handoff";

    /// <summary>The staff group's chat id (e.g. -1001234567890); empty: no Telegram alerts, the console only.</summary>
    public long? TelegramGroupId { get; set; }

    /// <summary>The group is a forum: each case gets its own topic instead of a card with replies under it.</summary>
    public bool UseForumTopics { get; set; }

    /// <summary>The console's public address (https://tamkeen.example.org): the card's "open in the console" button; empty: no button.</summary>
    public string? ConsoleBaseUrl { get; set; }

    public string[] WorkingDays { get; set; } = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday"];

    /// <summary>"08:00-14:00" in <see cref="TimeZone"/>.</summary>
    public string WorkingHours { get; set; } = "08:00-14:00";

    /// <summary>Dates without work, "2027-02-22".</summary>
    public string[] Holidays { get; set; } = [];

    public string TimeZone { get; set; } = "Asia/Riyadh";

    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00", ErrorMessage = "Handoff:UnclaimedAfter must be between 00:01:00 and 7.00:00:00.")]
    public TimeSpan UnclaimedAfter { get; set; } = TimeSpan.FromMinutes(15);

    [Range(typeof(TimeSpan), "00:05:00", "7.00:00:00", ErrorMessage = "Handoff:UnansweredAfter must be between 00:05:00 and 7.00:00:00.")]
    public TimeSpan UnansweredAfter { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Empty: staff replies are signed with the staff member's name; otherwise with this title.</summary>
    [MaxLength(60, ErrorMessage = "Handoff:StaffSignature must be at most 60 characters.")]
    public string StaffSignature { get; set; } = "";

    public bool ComplaintsOpenCase { get; set; } = true;

    /// <summary>Each case's alert is posted here as JSON, signed with an HMAC header; empty: none.</summary>
    public string? AlertWebhookUrl { get; set; }

    public string? AlertWebhookSecret { get; set; }

    public WorkingCalendar Calendar() => new(
        TimeZoneInfo.FindSystemTimeZoneById(TimeZone),
        WorkingDays.Select(d => Enum.Parse<DayOfWeek>(d, ignoreCase: true)).ToHashSet(),
        Hours().Opens, Hours().Closes,
        Holidays.Select(d => DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture)).ToHashSet());

    public HandoffSettings Settings() => new(Calendar(), UnansweredAfter, ComplaintsOpenCase, StaffSignature.Length == 0 ? null : StaffSignature);

    private (TimeOnly Opens, TimeOnly Closes) Hours()
    {
        var parts = WorkingHours.Split('-', StringSplitOptions.TrimEntries);
        return (TimeOnly.ParseExact(parts[0], "HH:mm", CultureInfo.InvariantCulture), TimeOnly.ParseExact(parts[1], "HH:mm", CultureInfo.InvariantCulture));
    }

    public sealed class Validator : IValidateOptions<HandoffOptions>
    {
        public ValidateOptionsResult Validate(string? name, HandoffOptions o)
        {
            List<string> problems = [];
            if (o.WorkingDays.Length == 0 || o.WorkingDays.Any(d => !Enum.TryParse<DayOfWeek>(d, ignoreCase: true, out _) || int.TryParse(d, out _)))
                problems.Add($"{Section}:WorkingDays must list day names in English, e.g. [\"Sunday\", \"Monday\"]; found [{string.Join(", ", o.WorkingDays)}].");
            var hours = o.WorkingHours.Split('-', StringSplitOptions.TrimEntries);
            if (hours.Length != 2 || !TimeOnly.TryParseExact(hours[0], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var opens)
                || !TimeOnly.TryParseExact(hours[1], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var closes) || closes <= opens)
                problems.Add($"{Section}:WorkingHours must be opening and closing time, e.g. \"08:00-14:00\"; found \"{o.WorkingHours}\".");
            foreach (var day in o.Holidays.Where(d => !DateOnly.TryParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)))
                problems.Add($"{Section}:Holidays must be dates as yyyy-MM-dd, e.g. \"2027-02-22\"; found \"{day}\".");
            if (!TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _))
                problems.Add($"{Section}:TimeZone must be a time zone id such as \"Asia/Riyadh\"; found \"{o.TimeZone}\".");
            if (o.ConsoleBaseUrl is { Length: > 0 } console && !(Uri.TryCreate(console, UriKind.Absolute, out var consoleUri) && consoleUri.Scheme is "http" or "https"))
                problems.Add($"{Section}:ConsoleBaseUrl must be the console's absolute http or https address, e.g. https://tamkeen.example.org.");
            if (o.AlertWebhookUrl is { Length: > 0 } url && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
                problems.Add($"{Section}:AlertWebhookUrl must be an absolute http or https URL.");
            if (o.AlertWebhookUrl is { Length: > 0 } && (o.AlertWebhookSecret?.Length ?? 0) < 16)
                problems.Add($"{Section}:AlertWebhookSecret must be set, 16 characters or more, when {Section}:AlertWebhookUrl is: the receiver checks the signature with it.");
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}
