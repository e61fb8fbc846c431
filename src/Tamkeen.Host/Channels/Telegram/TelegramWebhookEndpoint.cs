using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Telegram.Bot;
using Telegram.Bot.Types;
using Tamkeen.Host.Messaging;
using Tamkeen.Host.Settings;

namespace Tamkeen.Host.Channels.Telegram;

/// <summary>
/// Where Telegram posts updates in webhook mode: checks the secret, stores the update, answers 200, carrying the bot's
/// reply when it is ready in time (<see cref="InlineReply"/>).
/// </summary>
public static class TelegramWebhookEndpoint
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    // Telegram's updates are a few kilobytes; files come by getFile, never in the update.
    private const long MaxRequestBytes = 1024 * 1024;

    public static void MapTelegramWebhook(this IEndpointRouteBuilder app, TelegramOptions options)
    {
        var secret = Encoding.UTF8.GetBytes(options.SecretToken);
        app.MapPost(new Uri(options.WebhookUrl).AbsolutePath,
                (HttpContext http, TelegramUpdateIntake updates, OutboxSignal outbox, TimeProvider time, ILogger<TelegramUpdateIntake> logger,
                        CancellationToken ct) => ReceiveAsync(http, secret, options.WebhookReplyWait, updates, outbox, time, logger, ct))
            .WithMetadata(new RequestSizeLimitAttribute(MaxRequestBytes));
    }

    private static async Task<IResult> ReceiveAsync(HttpContext http, byte[] secret, TimeSpan replyWait, TelegramUpdateIntake updates,
        OutboxSignal outbox, TimeProvider time, ILogger logger, CancellationToken ct)
    {
        var given = Encoding.UTF8.GetBytes(http.Request.Headers[SecretHeader].ToString());
        if (!CryptographicOperations.FixedTimeEquals(given, secret))
        {
            logger.LogWarning("Refused a call to {Path} without the Telegram secret token", http.Request.Path);
            return Results.Unauthorized();
        }
        // Telegram delivers an update again and again until it gets a 2xx. One that cannot be read now never will be,
        // so it is acknowledged and dropped (with a warning) instead of refused.
        // A failure to store answers 500, and Telegram delivers the update again; so does too busy, answered 503.
        if (await ReadAsync(http.Request, logger, ct) is not { } update) return Results.Ok();
        var inline = replyWait > TimeSpan.Zero ? new InlineReply() : null;
        if (!await updates.AcceptAsync(update, inline, ct))
        {
            http.Response.Headers.RetryAfter = "1";
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }
        var reply = inline is null ? null : await inline.WaitAsync(replyWait, time, row => _ = outbox.NotCarriedAsync(row), ct);
        return reply is null ? Results.Ok() : new TelegramWebhookReply(reply);
    }

    private static async Task<Update?> ReadAsync(HttpRequest request, ILogger logger, CancellationToken ct)
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<Update>(request.Body, JsonBotAPI.Options, ct) ?? throw new JsonException("The update is null.");
        }
        // Not only JsonException: Telegram.Bot's converters throw others, ArgumentOutOfRangeException for a date past
        // year 9999. A body over the limit (BadHttpRequestException, an IOException) is refused with 413.
        catch (Exception e) when (e is not (IOException or OperationCanceledException))
        {
            logger.LogWarning("Dropped a Telegram update that could not be read ({Error} at {JsonPath})", e.GetType().Name, (e as JsonException)?.Path);
            return null;
        }
    }
}
