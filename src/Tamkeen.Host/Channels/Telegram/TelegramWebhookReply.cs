using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Telegram.Bot;
using Tamkeen.Host.Messaging;

namespace Tamkeen.Host.Channels.Telegram;

/// <summary>
/// A reply carried in the answer to Telegram's webhook call (<see cref="InlineReply"/>): the body names the method and
/// its parameters, which Telegram then runs as if the bot had called it.
/// </summary>
public sealed class TelegramWebhookReply(OutboxMessage reply) : IResult
{
    // UTF-8 as it is, not Arabic escaped as \uXXXX: six bytes a letter for nothing (a body of JSON, never HTML).
    private static readonly JsonWriterOptions Unescaped = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var body = new ArrayBufferWriter<byte>(256 + reply.Text.Length * 2);
        using (var json = new Utf8JsonWriter(body, Unescaped)) Write(json);
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json";
        response.ContentLength = body.WrittenCount;
        await response.Body.WriteAsync(body.WrittenMemory, httpContext.RequestAborted);
    }

    private void Write(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("method", "sendMessage");
        json.WriteNumber("chat_id", long.Parse(reply.Address, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
        json.WriteString("text", reply.Text);
        var keyboard = TelegramKeyboards.For(reply);
        json.WritePropertyName("reply_markup");
        JsonSerializer.Serialize(json, keyboard, keyboard.GetType(), JsonBotAPI.Options);
        json.WriteEndObject();
    }
}
