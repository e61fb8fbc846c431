using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Tamkeen.Host.Data;
using Microsoft.Extensions.Options;
using Tamkeen.Core.Conversations;
using Tamkeen.Host.Messaging;
using Tamkeen.Host.Settings;

namespace Tamkeen.Host.Channels.Twilio;

/// <summary>Twilio's webhooks: messages in (WhatsApp and SMS alike) and delivery status callbacks.</summary>
public static class TwilioEndpoints
{
    /// <summary>Twilio's form posts are a few kilobytes; anything much larger is not from Twilio.</summary>
    private const long MaxRequestBytes = 64 * 1024;

    public static void MapTwilio(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<TwilioOptions>>().Value;
        app.Lifetime.ApplicationStarted.Register(() => LogChannels(app.Logger, options));
        if (!options.WhatsAppOn && !options.SmsOn) return;

        var twilio = app.MapGroup("/twilio")
            .AddEndpointFilter<TwilioSignatureFilter>()
            .WithMetadata(new RequestSizeLimitAttribute(MaxRequestBytes));
        twilio.MapPost("/messages", ReceiveMessageAsync);
        twilio.MapPost("/status", ReceiveStatusAsync);
        if (options.WhatsAppOn) app.MapGet("/media/{token}", GetMediaAsync);
    }

    /// <summary>A staff member's file for Twilio to fetch; an unknown or expired token is 404.</summary>
    private static async Task<IResult> GetMediaAsync(string token, TwilioMediaLinks links, IDbContextFactory<TamkeenDb> dbFactory, AttachmentStore store,
        CancellationToken ct)
    {
        if (links.Read(token) is not var (outboxId, index)) return Results.NotFound();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.Outbox.AsNoTracking().FirstOrDefaultAsync(m => m.Id == outboxId, ct);
        return row?.Attachments.ElementAtOrDefault(index) is { } file && store.KeptFile(file) is { } path
            ? Results.File(path, file.ContentType)
            : Results.NotFound();
    }

    /// <summary>Stores the message, then acknowledges with empty TwiML: the reply goes later, through the outbox.</summary>
    private static async Task<IResult> ReceiveMessageAsync(HttpRequest request, MessageIntake intake, TwilioMedia media, TimeProvider time, CancellationToken ct)
    {
        var form = await request.ReadFormAsync(ct);
        var sid = form["MessageSid"].ToString();
        var from = form["From"].ToString();
        if (sid.Length == 0 || from.Length == 0) return Results.BadRequest();

        var channel = TwilioAddress.ChannelOf(from);
        var attachments = await media.DownloadAsync(form, channel, sid, ct);
        var payload = form["ButtonPayload"].ToString();
        await intake.AcceptAsync(new InboundMessage(channel, from, sid, form["Body"].ToString(), payload.Length == 0 ? null : payload,
            attachments, time.GetUtcNow(), SenderPhone: TwilioAddress.E164(from)), ct);
        return Results.Content("<Response/>", "text/xml");
    }

    private static async Task<IResult> ReceiveStatusAsync(HttpRequest request, TwilioDeliveryStatus statuses, ILogger<TwilioDeliveryStatus> logger, CancellationToken ct)
    {
        var form = await request.ReadFormAsync(ct);
        var sid = form["MessageSid"].ToString();
        var status = form["MessageStatus"].ToString();
        if (sid.Length == 0 || status.Length == 0) return Results.BadRequest();
        var error = form["ErrorCode"].ToString();
        if (!await statuses.RecordAsync(sid, status, error.Length == 0 ? null : error, ct))
        {
            // Twilio can call before the dispatcher has recorded the SID it got back; an early callback is lost.
            logger.LogInformation("Twilio status {Status} for {MessageSid}, which no sent message has (yet); not recorded", status, sid);
        }
        return Results.Ok();
    }

    private static void LogChannels(ILogger logger, TwilioOptions options)
    {
        if (options.WhatsAppMissing is { } whatsApp) logger.LogInformation("WhatsApp (Twilio): off, no {Setting} set", whatsApp);
        if (options.SmsMissing is { } sms) logger.LogInformation("SMS (Twilio): off, no {Setting} set", sms);
        if (options.WhatsAppOn || options.SmsOn)
            logger.LogInformation("Twilio webhooks: {MessagesUrl} (messages), {StatusUrl} (status callbacks)",
                options.PublicRoot + "/twilio/messages", options.PublicRoot + "/twilio/status");
    }
}
