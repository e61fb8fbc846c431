using Microsoft.Extensions.Options;
using Tamkeen.Host.Messaging;
using Tamkeen.Host.Settings;
using Twilio.Clients;
using Twilio.Exceptions;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace Tamkeen.Host.Channels.Twilio;

/// <summary>
/// Creates one message through Twilio's REST API (the SDK's MessageResource) and reads Twilio's answer as a
/// <see cref="SendOutcome"/>. It never retries: the dispatcher owns retries.
/// </summary>
public sealed class TwilioMessages(IHttpClientFactory httpFactory, IOptions<TwilioOptions> options, TimeProvider time, ILogger<TwilioMessages> logger)
{
    public const string HttpClientName = "Twilio";

    /// <summary>Codes for a person who cannot be reached here: unsubscribed (STOP), not reachable, not on WhatsApp.</summary>
    private static readonly HashSet<int> Unreachable = [21610, 21612, 63003, 63024];

    /// <param name="outboxId">Carried in the status callback's address, which ties Twilio's record of the message to our row.</param>
    public async Task<SendOutcome> CreateAsync(long outboxId, CreateMessageOptions message, CancellationToken cancellationToken)
    {
        message.StatusCallback = new Uri($"{options.Value.PublicRoot}/twilio/status?outbox={outboxId}");
        var client = Client(cancellationToken);
        try
        {
            var created = await MessageResource.CreateAsync(message, client);
            return new SendOutcome.Sent(created.Sid);
        }
        catch (ApiException e)
        {
            return Classify(e);
        }
        catch (ApiConnectionException e) when (e.InnerException is TwilioThrottledException throttled)
        {
            return new SendOutcome.Transient("Twilio answered 429 Too Many Requests", throttled.RetryAfter);
        }
        catch (ApiConnectionException e)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // The SDK wraps network failures and timeouts alike.
            return new SendOutcome.Transient($"Twilio could not be reached: {e.InnerException?.GetType().Name ?? e.Message}");
        }
    }

    /// <summary>
    /// The message we sent to <paramref name="to"/> at or after <paramref name="since"/> whose body <paramref name="isOurs"/>
    /// recognises and whose SID no other row has, from the newest messages to that address. One reply per person is sent
    /// at a time, and the one before it was recorded before this attempt began, so the only such message is the one
    /// looked for, even when both replies say the same (two «not understood» in a row, within Twilio's whole seconds).
    /// </summary>
    /// <returns>Null when Twilio has no such message.</returns>
    public async Task<MessageResource?> FindSentAsync(string to, DateTimeOffset since, IReadOnlySet<string> recorded, Func<string, bool> isOurs,
        CancellationToken cancellationToken)
    {
        // Twilio's times are whole seconds, on its own clock.
        var from = since.UtcDateTime.AddTicks(-(since.UtcDateTime.Ticks % TimeSpan.TicksPerSecond)).AddSeconds(-ClockSkewSeconds);
        var newest = await MessageResource.ReadAsync(new ReadMessageOptions { To = new PhoneNumber(to), PageSize = 20, Limit = 20 }, Client(cancellationToken));
        return newest.FirstOrDefault(m => m.Direction != MessageResource.DirectionEnum.Inbound && m.DateCreated >= from && !recorded.Contains(m.Sid) && isOurs(m.Body ?? ""));
    }

    private const int ClockSkewSeconds = 2;

    private TwilioRestClient Client(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var http = new TwilioApiHttpClient(httpFactory.CreateClient(HttpClientName), settings.ApiBaseUrl, time, cancellationToken);
        return new TwilioRestClient(settings.AccountSid, settings.AuthToken, httpClient: http);
    }

    private SendOutcome Classify(ApiException e)
    {
        var error = $"Twilio error {e.Code} (HTTP {e.Status}): {e.Message}";
        if (e.Status is 0 or >= 500) return new SendOutcome.Transient(error);
        if (e.Status == 401)
        {
            // The account's credentials are wrong or were rotated: every message fails until someone fixes the setting,
            // so keep them for the dispatcher's retries rather than dropping them.
            logger.LogError("Twilio refused Twilio:AccountSid / Twilio:AuthToken (error {Code})", e.Code);
            return new SendOutcome.Transient(error);
        }
        // Everything else in 4xx will fail the same way again: an invalid or landline number (21211, 21614), a bad body.
        return new SendOutcome.Permanent(error, Unreachable: Unreachable.Contains(e.Code));
    }
}
