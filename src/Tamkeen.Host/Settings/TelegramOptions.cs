using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Tamkeen.Host.Settings;

/// <summary>The Telegram bot: off without a token; long polling unless a webhook address is given.</summary>
public sealed partial class TelegramOptions
{
    public const string Section = "Telegram";
    public const string DefaultApiBaseUrl = "https://api.telegram.org";

    /// <summary>From @BotFather, e.g. "123456789:AA…"; a secret, never in a file.</summary>
    public string BotToken { get; set; } = "";

    /// <summary>The Bot API server: Telegram's, a local Bot API server, or a test emulator.</summary>
    public string ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    /// <summary>The public https address Telegram posts updates to; empty for long polling.</summary>
    public string WebhookUrl { get; set; } = "";

    /// <summary>Telegram sends it back in X-Telegram-Bot-Api-Secret-Token with every webhook call.</summary>
    public string SecretToken { get; set; } = "";

    /// <summary>
    /// Webhook mode: how long the answer to an update waits for the bot's reply, to carry it in the answer itself (one
    /// Bot API call fewer); a reply not ready by then is sent on its own. Zero sends every reply on its own.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:30", ErrorMessage = "Telegram:WebhookReplyWait must be between 00:00:00 and 00:00:30.")]
    public TimeSpan WebhookReplyWait { get; set; } = TimeSpan.FromSeconds(2);

    [Range(1, 50, ErrorMessage = "Telegram:PollTimeoutSeconds must be between 1 and 50.")]
    public int PollTimeoutSeconds { get; set; } = 25;

    public bool Enabled => BotToken.Length > 0;
    public bool UsesWebhook => WebhookUrl.Length > 0;

    [GeneratedRegex(@"^\d+:[A-Za-z0-9_-]+$")]
    private static partial Regex BotTokenShape();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,256}$")]
    private static partial Regex SecretTokenShape();

    public sealed class Validator : IValidateOptions<TelegramOptions>
    {
        public ValidateOptionsResult Validate(string? name, TelegramOptions options)
        {
            if (!options.Enabled) return ValidateOptionsResult.Success;
            var problems = new List<string>();
            if (!BotTokenShape().IsMatch(options.BotToken))
                problems.Add($"{Section}:BotToken must look like 123456789:AAH… (the token @BotFather gave).");
            if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var api) || api.Scheme is not ("http" or "https"))
                problems.Add($"{Section}:ApiBaseUrl must be an http or https address such as {DefaultApiBaseUrl}.");
            if (options.UsesWebhook)
            {
                if (!Uri.TryCreate(options.WebhookUrl, UriKind.Absolute, out var webhook) || webhook.Scheme != "https" || webhook.AbsolutePath.Length < 2)
                    problems.Add($"{Section}:WebhookUrl must be an https address with a path, such as https://bot.example.org/telegram/webhook (or empty for long polling).");
                if (!SecretTokenShape().IsMatch(options.SecretToken))
                    problems.Add($"{Section}:SecretToken must be set when {Section}:WebhookUrl is: 1 to 256 characters of A-Z, a-z, 0-9, _ and -.");
            }
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}
