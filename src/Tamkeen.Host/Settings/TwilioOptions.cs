using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Tamkeen.Host.Settings;

/// <summary>
/// WhatsApp and SMS through Twilio. Each channel is on only when its sender and the account's credentials are set;
/// the credentials come from secrets (Twilio__AuthToken=…), never files.
/// </summary>
public sealed partial class TwilioOptions
{
    public const string Section = "Twilio";

    public string? AccountSid { get; set; }
    public string? AuthToken { get; set; }
    public string ApiBaseUrl { get; set; } = "https://api.twilio.com";
    public string? WhatsAppFrom { get; set; }
    public string? SmsFrom { get; set; }
    public string? PublicBaseUrl { get; set; }
    public string? WhatsAppTemplateContentSid { get; set; }

    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00", ErrorMessage = "Twilio:WhatsAppWindow must be between 00:01:00 and 1.00:00:00 (WhatsApp's 24 hours).")]
    public TimeSpan WhatsAppWindow { get; set; } = TimeSpan.FromHours(24);

    [Range(typeof(TimeSpan), "00:00:01", "00:00:14", ErrorMessage = "Twilio:MediaDownloadTimeout must be between 00:00:01 and 00:00:14 (Twilio waits 15 seconds for the webhook).")]
    public TimeSpan MediaDownloadTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public bool WhatsAppOn => HasCredentials && Has(WhatsAppFrom);
    public bool SmsOn => HasCredentials && Has(SmsFrom);

    /// <summary>A WhatsApp message can still reach the person after the 24-hour window: as the template, or by SMS.</summary>
    public bool ReachesAfterWhatsAppWindow => (WhatsAppOn && Has(WhatsAppTemplateContentSid)) || SmsOn;

    /// <summary>Why WhatsApp is off, naming the first missing setting; null when it is on.</summary>
    public string? WhatsAppMissing => Missing(WhatsAppFrom, nameof(WhatsAppFrom));

    /// <summary>Why SMS is off, naming the first missing setting; null when it is on.</summary>
    public string? SmsMissing => Missing(SmsFrom, nameof(SmsFrom));

    /// <summary>The address Twilio calls, without a trailing slash.</summary>
    public string PublicRoot => (PublicBaseUrl ?? "").TrimEnd('/');

    private bool HasCredentials => Has(AccountSid) && Has(AuthToken);

    private string? Missing(string? from, string fromName) =>
        !Has(AccountSid) ? $"{Section}:{nameof(AccountSid)}"
        : !Has(AuthToken) ? $"{Section}:{nameof(AuthToken)}"
        : !Has(from) ? $"{Section}:{fromName}"
        : null;

    private static bool Has(string? value) => !string.IsNullOrWhiteSpace(value);

    [GeneratedRegex("^AC[0-9a-fA-F]{32}$")]
    private static partial Regex AccountSidPattern();

    [GeneratedRegex("^[0-9a-fA-F]{32}$")]
    private static partial Regex AuthTokenPattern();

    [GeneratedRegex(@"^whatsapp:\+[1-9][0-9]{6,14}$")]
    private static partial Regex WhatsAppFromPattern();

    // A number in E.164, or an alphanumeric sender id (up to 11 letters, digits or spaces, at least one letter).
    [GeneratedRegex(@"^(\+[1-9][0-9]{6,14}|(?=.*[A-Za-z])[A-Za-z0-9 ]{1,11})$")]
    private static partial Regex SmsFromPattern();

    [GeneratedRegex("^HX[0-9a-fA-F]{32}$")]
    private static partial Regex ContentSidPattern();

    public sealed class Validator : IValidateOptions<TwilioOptions>
    {
        public ValidateOptionsResult Validate(string? name, TwilioOptions options)
        {
            var problems = new List<string>();
            if (Has(options.AccountSid) && !AccountSidPattern().IsMatch(options.AccountSid!))
                problems.Add($"{Section}:AccountSid must be AC followed by 32 hexadecimal characters (34 in all), as the Twilio console shows it.");
            if (Has(options.AuthToken) && !AuthTokenPattern().IsMatch(options.AuthToken!))
                problems.Add($"{Section}:AuthToken must be the 32 hexadecimal characters of the account's auth token.");
            if (!IsHttpUrl(options.ApiBaseUrl))
                problems.Add($"{Section}:ApiBaseUrl must be an absolute http(s) address such as https://api.twilio.com.");
            if (Has(options.WhatsAppFrom) && !WhatsAppFromPattern().IsMatch(options.WhatsAppFrom!))
                problems.Add($"{Section}:WhatsAppFrom must be whatsapp: followed by the number in E.164, e.g. whatsapp:+14155238886.");
            if (Has(options.SmsFrom) && !SmsFromPattern().IsMatch(options.SmsFrom!))
                problems.Add($"{Section}:SmsFrom must be a number in E.164 (e.g. +966501234567) or a sender id of up to 11 letters and digits.");
            if (Has(options.WhatsAppTemplateContentSid) && !ContentSidPattern().IsMatch(options.WhatsAppTemplateContentSid!))
                problems.Add($"{Section}:WhatsAppTemplateContentSid must be HX followed by 32 hexadecimal characters (the approved template's Content SID).");
            if ((options.WhatsAppOn || options.SmsOn) && !IsHttpUrl(options.PublicBaseUrl, withoutQuery: true))
                problems.Add($"{Section}:PublicBaseUrl must be the absolute http(s) address Twilio calls (e.g. https://tamkeen.example.org), without a query, when WhatsApp or SMS is on.");
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }

        private static bool IsHttpUrl(string? value, bool withoutQuery = false) =>
            Uri.TryCreate(value, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && (!withoutQuery || (uri.Query.Length == 0 && uri.Fragment.Length == 0));
    }
}
