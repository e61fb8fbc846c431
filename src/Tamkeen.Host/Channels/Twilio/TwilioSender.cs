using System.Text.Json;
using Microsoft.Extensions.Options;
using Tamkeen.Core.Conversations;
using Tamkeen.Core.Text;
using Tamkeen.Host.Messaging;
using Tamkeen.Host.Settings;
using Twilio.Exceptions;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace Tamkeen.Host.Channels.Twilio;

/// <summary>
/// Sends replies by WhatsApp or SMS through Twilio, buttons as numbered lines. Outside WhatsApp's 24-hour window a
/// WhatsApp message goes as the approved template, or else by SMS to the same number.
/// </summary>
public sealed class TwilioSender(
    Channel channel,
    TwilioMessages messages,
    WhatsAppWindow window,
    TwilioMediaLinks mediaLinks,
    IOptions<TwilioOptions> options,
    IOptions<SmsOptions> smsOptions,
    ILogger<TwilioSender> logger) : IChannelSender
{
    public const string TemplateRoute = "whatsapp-template";
    public const string SmsFallbackRoute = "sms-fallback";

    public Channel Channel => channel;

    public async Task<SendOutcome> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var body = NumberedText.Render(message.Text, message.Buttons);
        if (channel == Channel.Sms) return await SendSmsAsync(message.Id, message.Address, body, route: null, cancellationToken);

        if (await window.IsOpenAsync(message.Address, cancellationToken))
            return await messages.CreateAsync(message.Id, new CreateMessageOptions(new PhoneNumber(message.Address))
            {
                From = new PhoneNumber(settings.WhatsAppFrom),
                Body = body,
                // WhatsApp carries one file a message; the console sends one with a reply.
                MediaUrl = message.Attachments.Count == 0 ? null : [mediaLinks.For(message.Id, 0)],
            }, cancellationToken);

        if (!string.IsNullOrWhiteSpace(settings.WhatsAppTemplateContentSid))
        {
            var outcome = await messages.CreateAsync(message.Id, new CreateMessageOptions(new PhoneNumber(message.Address))
            {
                From = new PhoneNumber(settings.WhatsAppFrom),
                ContentSid = settings.WhatsAppTemplateContentSid,
                ContentVariables = JsonSerializer.Serialize(new Dictionary<string, string> { ["1"] = TemplateVariable(body) }),
            }, cancellationToken);
            if (outcome is SendOutcome.Sent) logger.LogInformation("WhatsApp outbox message {OutboxId} sent as the approved template (outside the 24-hour window)", message.Id);
            return outcome is SendOutcome.Sent sent ? sent with { Route = TemplateRoute } : outcome;
        }

        if (settings.SmsOn)
            return await SendSmsAsync(message.Id, TwilioAddress.Phone(message.Address), body, SmsFallbackRoute, cancellationToken);

        return new SendOutcome.Permanent("outside WhatsApp's 24-hour window; no template or SMS sender set");
    }

    private async Task<SendOutcome> SendSmsAsync(long outboxId, string to, string body, string? route, CancellationToken cancellationToken)
    {
        var outcome = await messages.CreateAsync(outboxId, new CreateMessageOptions(new PhoneNumber(to))
        {
            From = new PhoneNumber(options.Value.SmsFrom),
            Body = body,
        }, cancellationToken);
        if (outcome is not SendOutcome.Sent sent) return outcome;
        var segments = SmsSegments.Count(body);
        // The shipped wording is held to the budget by tests; what people and staff type (a long note) can still exceed it.
        if (segments > smsOptions.Value.SegmentBudget)
            logger.LogWarning("SMS outbox message {OutboxId} sent in {Segments} segments, above Sms:SegmentBudget ({Budget})", outboxId, segments, smsOptions.Value.SegmentBudget);
        else logger.LogInformation("SMS outbox message {OutboxId} sent in {Segments} segments ({Route})", outboxId, segments, route ?? "sms");
        return sent with { Route = route, Segments = segments };
    }

    /// <summary>
    /// Asks Twilio for the message before sending again what a crash cut off: each extra SMS costs the association money.
    /// Looked for on every route the send could have taken (the WhatsApp number, then the SMS fallback to the same phone).
    /// </summary>
    public async Task<InterruptedSend> FindInterruptedAsync(OutboxMessage message, IReadOnlySet<string> recorded, CancellationToken cancellationToken)
    {
        var body = NumberedText.Render(message.Text, message.Buttons);
        var template = TemplateVariable(body);
        var since = message.SendingSince!.Value;
        try
        {
            if (await messages.FindSentAsync(message.Address, since, recorded, b => b == body || b.Contains(template, StringComparison.Ordinal), cancellationToken) is { } found)
            {
                var route = channel == Channel.WhatsApp && found.Body != body ? TemplateRoute : null;
                return new InterruptedSend.Arrived(new SendOutcome.Sent(found.Sid, route, channel == Channel.Sms ? SmsSegments.Count(body) : null));
            }
            if (channel == Channel.WhatsApp && options.Value.SmsOn
                && await messages.FindSentAsync(TwilioAddress.Phone(message.Address), since, recorded, b => b == body, cancellationToken) is { } sms)
                return new InterruptedSend.Arrived(new SendOutcome.Sent(sms.Sid, SmsFallbackRoute, SmsSegments.Count(body)));
        }
        catch (Exception e) when (e is ApiException or ApiConnectionException)
        {
            return new InterruptedSend.NotKnownYet($"Twilio's message list could not be read: {e.Message}");
        }
        return new InterruptedSend.NeverArrived();
    }

    /// <summary>WhatsApp refuses template variables with line breaks or tabs, so the lines are joined on one.</summary>
    private static string TemplateVariable(string body) =>
        string.Join(" · ", body.Split(['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
