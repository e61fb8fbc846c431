using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Tamkeen.Host.Tests;

/// <summary>
/// A small stand-in for the Bot API on a loopback port, for what the emulator cannot do: files (getFile and the
/// download), error answers (403, 429), groups (replies, edits, answerCallbackQuery, forum topics). It records every method called
/// with its JSON body and when it arrived.
/// </summary>
public sealed class TelegramFakeBotApi : IAsyncDisposable
{
    public const string Token = "424242:fake-bot-api-token";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Func<JsonObject, IResult>> _answers = new();
    private int _nextMessageId;

    public Uri Address { get; private set; } = null!;
    public ConcurrentQueue<(string Method, JsonObject Body)> Calls { get; } = new();

    /// <summary>When each call arrived, in order: for rate limits.</summary>
    public ConcurrentQueue<(string Method, long ChatId, DateTimeOffset At)> Arrivals { get; } = new();

    /// <summary>Files by file id; getFile knows only these, and they download from file_path "files/{id}".</summary>
    public ConcurrentDictionary<string, byte[]> Files { get; } = new();

    private TelegramFakeBotApi()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.Run(HandleAsync);
    }

    public static async Task<TelegramFakeBotApi> StartAsync()
    {
        var api = new TelegramFakeBotApi();
        await api._app.StartAsync();
        api.Address = new Uri(api._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return api;
    }

    /// <summary>From now on, calls of <paramref name="method"/> get this answer.</summary>
    public void Answer(string method, Func<JsonObject, IResult> answer) => _answers[method] = answer;

    /// <summary>An error as the Bot API gives it.</summary>
    public static IResult Error(int code, string description, int? retryAfter = null) =>
        Results.Json(new { ok = false, error_code = code, description, parameters = retryAfter is null ? null : new { retry_after = retryAfter } }, statusCode: code);

    public IEnumerable<JsonObject> CallsOf(string method) => Calls.Where(c => c.Method == method).Select(c => c.Body);

    /// <summary>
    /// Does what Telegram does with the answer to a webhook call: a body naming a method is run as if the bot had called
    /// it ("webhook reply"), here recorded with the calls. Returns its parameters, or null when the answer carried none.
    /// </summary>
    public async Task<JsonObject?> RunAnswerAsync(HttpResponseMessage answer)
    {
        var text = await answer.Content.ReadAsStringAsync();
        if (!answer.IsSuccessStatusCode || text.Length == 0 || JsonNode.Parse(text) is not JsonObject body
            || body["method"]?.GetValue<string>() is not { } method) return null;
        body.Remove("method");
        Calls.Enqueue((method, body));
        Arrivals.Enqueue((method, body["chat_id"]?.GetValue<long>() ?? 0, DateTimeOffset.UtcNow));
        return body;
    }

    /// <summary>Waits (bounded) until <paramref name="method"/> has been called at least <paramref name="count"/> times.</summary>
    public async Task<IReadOnlyList<JsonObject>> WaitForAsync(string method, int count = 1)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (CallsOf(method).Count() < count)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{method} was not called {count} times.");
            await Task.Delay(20);
        }
        return [.. CallsOf(method)];
    }

    private async Task HandleAsync(HttpContext http)
    {
        var path = http.Request.Path.Value ?? "";
        if (path.StartsWith($"/file/bot{Token}/files/", StringComparison.Ordinal))
        {
            if (Files.TryGetValue(path[$"/file/bot{Token}/files/".Length..], out var bytes)) await Results.Bytes(bytes, "image/jpeg").ExecuteAsync(http);
            else http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        if (!path.StartsWith($"/bot{Token}/", StringComparison.Ordinal))
        {
            await Error(404, "Not Found").ExecuteAsync(http);
            return;
        }
        var method = path[$"/bot{Token}/".Length..];
        var body = http.Request.HasFormContentType ? await UploadAsync(http.Request)
            : http.Request.ContentLength is > 0 || http.Request.Headers.TransferEncoding.Count > 0
            ? (await JsonNode.ParseAsync(http.Request.Body))?.AsObject() ?? []
            : [];
        Calls.Enqueue((method, body));
        Arrivals.Enqueue((method, body["chat_id"]?.GetValue<long>() ?? 0, DateTimeOffset.UtcNow));
        var answer = _answers.TryGetValue(method, out var given) ? given(body) : Normally(method, body);
        await answer.ExecuteAsync(http);
    }

    /// <summary>A file upload (sendPhoto, sendDocument) as multipart form data: its fields, and each file's name and bytes in base64.</summary>
    private static async Task<JsonObject> UploadAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        var body = new JsonObject();
        foreach (var (name, value) in form) body[name] = name == "chat_id" ? long.Parse(value.ToString(), System.Globalization.CultureInfo.InvariantCulture) : value.ToString();
        foreach (var file in form.Files)
        {
            using var copy = new MemoryStream();
            await file.CopyToAsync(copy);
            body[file.Name] = new JsonObject { ["file_name"] = file.FileName, ["bytes"] = Convert.ToBase64String(copy.ToArray()) };
        }
        return body;
    }

    private IResult Normally(string method, JsonObject body) => method switch
    {
        "sendMessage" or "sendPhoto" or "sendDocument" or "editMessageReplyMarkup" or "editMessageText" => Ok(new
        {
            message_id = method.StartsWith("send", StringComparison.Ordinal) ? Interlocked.Increment(ref _nextMessageId) : body["message_id"]!.GetValue<int>(),
            date = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            chat = new { id = body["chat_id"]!.GetValue<long>(), type = body["chat_id"]!.GetValue<long>() < 0 ? "supergroup" : "private" },
            text = body["text"]?.GetValue<string>() ?? "",
        }),
        // A topic's id is that of the service message that opens it, so it is counted with the messages.
        "createForumTopic" => Ok(new { message_thread_id = Interlocked.Increment(ref _nextMessageId), name = body["name"]!.GetValue<string>(), icon_color = 7322096 }),
        "getFile" when Files.TryGetValue(body["file_id"]!.GetValue<string>(), out var bytes) => Ok(new
        {
            file_id = body["file_id"]!.GetValue<string>(),
            file_unique_id = "unique-" + body["file_id"]!.GetValue<string>(),
            file_size = bytes.Length,
            file_path = "files/" + body["file_id"]!.GetValue<string>(),
        }),
        "getFile" => Error(400, "Bad Request: invalid file_id"),
        _ => Ok(true),
    };

    private static IResult Ok(object result) => Results.Json(new { ok = true, result });

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
