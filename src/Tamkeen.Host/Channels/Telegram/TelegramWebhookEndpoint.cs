using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Telegram.Bot;
using Telegram.Bot.Types;
using Tamkeen.Host.Settings;

namespace Tamkeen.Host.Channels.Telegram;

/// <summary>Where Telegram posts updates in webhook mode: checks the secret, stores the update, answers 200.</summary>
public static class TelegramWebhookEndpoint
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    // Telegram's updates are a few kilobytes; files come by getFile, never in the update.
    private const long MaxRequestBytes = 1024 * 1024;

    public static void MapTelegramWebhook(this IEndpointRouteBuilder app, TelegramOptions options)
    {
        var secret = Encoding.UTF8.GetBytes(options.SecretToken);
        app.MapPost(new Uri(options.WebhookUrl).AbsolutePath, (HttpContext http, TelegramUpdateIntake updates, CancellationToken ct) =>
                ReceiveAsync(http, secret, updates, ct))
            .WithMetadata(new RequestSizeLimitAttribute(MaxRequestBytes));
    }

    private static async Task<IResult> ReceiveAsync(HttpContext http, byte[] secret, TelegramUpdateIntake updates, CancellationToken ct)
    {
        var given = Encoding.UTF8.GetBytes(http.Request.Headers[SecretHeader].ToString());
        if (!CryptographicOperations.FixedTimeEquals(given, secret)) return Results.Unauthorized();

        Update? update;
        try
        {
            update = await JsonSerializer.DeserializeAsync<Update>(http.Request.Body, JsonBotAPI.Options, ct);
        }
        catch (JsonException)
        {
            return Results.BadRequest();
        }
        if (update is null) return Results.BadRequest();
        // A failure to store answers 500, and Telegram delivers the update again; so does too busy, answered 503.
        if (await updates.AcceptAsync(update, ct)) return Results.Ok();
        http.Response.Headers.RetryAfter = "1";
        return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
    }
}
