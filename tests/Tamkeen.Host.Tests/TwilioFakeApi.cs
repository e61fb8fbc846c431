using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Tamkeen.Host.Tests;

/// <summary>
/// A tiny stand-in for Twilio on loopback, for what Prism cannot do: answer with a chosen error (429 with
/// Retry-After, 500, 400 with an error code), give every message its own SID and list the messages it has, and serve
/// media files behind basic auth.
/// </summary>
public sealed class TwilioFakeApi : IAsyncDisposable
{
    private readonly ConcurrentQueue<(int Status, string Body, string? RetryAfter)> _answers = new();
    private readonly ConcurrentDictionary<string, (byte[] Content, string ContentType)> _files = new();
    private readonly ConcurrentQueue<(int Status, string Body)> _listAnswers = new();

    /// <summary>The messages Twilio has, as it created them: a crash on our side does not lose them.</summary>
    public ConcurrentQueue<FakeTwilioMessage> Messages { get; } = new();

    /// <summary>Called on each message request before it is answered, with its form.</summary>
    public Action<IFormCollection, Uri?>? OnCreate { get; set; }
    private WebApplication _app = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<TwilioFakeApi> StartAsync()
    {
        var fake = new TwilioFakeApi();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/2010-04-01/Accounts/{account}/Messages.json", (Delegate)fake.CreateMessage);
        app.MapGet("/2010-04-01/Accounts/{account}/Messages.json", fake.ListMessages);
        app.MapGet("/media/{name}", fake.Media);
        app.MapGet("/files/{name}", fake.File);
        await app.StartAsync();
        fake._app = app;
        fake.BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return fake;
    }

    /// <summary>The next message request gets this answer instead of 201 with a new SID.</summary>
    public void Answer(int status, string body, string? retryAfter = null) => _answers.Enqueue((status, body, retryAfter));

    public void Serve(string name, byte[] content, string contentType) => _files[name] = (content, contentType);

    /// <summary>The next request for the message list gets this answer.</summary>
    public void AnswerList(int status, string body) => _listAnswers.Enqueue((status, body));

    private async Task<IResult> CreateMessage(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync();
        var callback = form["StatusCallback"].ToString() is { Length: > 0 } url ? new Uri(url) : null;
        OnCreate?.Invoke(form, callback);
        if (!_answers.TryDequeue(out var answer))
        {
            var sid = $"SM{Guid.NewGuid():N}";
            Messages.Enqueue(new FakeTwilioMessage(sid, form["To"].ToString(), form["From"].ToString(),
                form["Body"].ToString() is { Length: > 0 } body ? body : form["ContentVariables"].ToString(), DateTimeOffset.UtcNow, callback));
            answer = (201, $$"""{"sid":"{{sid}}","status":"queued"}""", null);
        }
        if (answer.RetryAfter is not null) context.Response.Headers.RetryAfter = answer.RetryAfter;
        return Results.Content(answer.Body, "application/json", statusCode: answer.Status);
    }

    /// <summary>Newest first, filtered by To, in Twilio's page format and date format.</summary>
    private IResult ListMessages(HttpContext context, string account)
    {
        if (_listAnswers.TryDequeue(out var answer)) return Results.Content(answer.Body, "application/json", statusCode: answer.Status);
        var to = context.Request.Query["To"].ToString();
        var messages = Messages.Where(m => to.Length == 0 || m.To == to).OrderByDescending(m => m.CreatedAt).Take(20).Select(m => new Dictionary<string, object?>
        {
            ["sid"] = m.Sid, ["to"] = m.To, ["from"] = m.From, ["body"] = m.Body, ["direction"] = "outbound-api", ["status"] = "sent",
            ["date_created"] = m.CreatedAt.ToString("ddd, dd MMM yyyy HH:mm:ss +0000", System.Globalization.CultureInfo.InvariantCulture),
        });
        var uri = $"/2010-04-01/Accounts/{account}/Messages.json?PageSize=20&Page=0";
        return Results.Json(new Dictionary<string, object?>
        {
            ["messages"] = messages, ["page"] = 0, ["page_size"] = 20, ["uri"] = uri, ["first_page_uri"] = uri,
            ["next_page_uri"] = null, ["previous_page_uri"] = null, ["start"] = 0, ["end"] = 0,
        });
    }

    /// <summary>As Twilio does: the media URL wants the account's credentials and redirects to where the file is stored.</summary>
    private IResult Media(string name, HttpContext context)
    {
        var expected = "Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{TwilioTestKit.AccountSid}:{TwilioTestKit.AuthToken}"));
        if (context.Request.Headers.Authorization != expected) return Results.StatusCode(StatusCodes.Status401Unauthorized);
        return _files.ContainsKey(name) ? Results.Redirect($"/files/{name}") : Results.NotFound();
    }

    private IResult File(string name) =>
        _files.TryGetValue(name, out var file) ? Results.Bytes(file.Content, file.ContentType) : Results.NotFound();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <param name="Body">The body, or for a template its variables.</param>
/// <param name="StatusCallback">Carries our outbox id.</param>
public sealed record FakeTwilioMessage(string Sid, string To, string From, string Body, DateTimeOffset CreatedAt, Uri? StatusCallback)
{
    public long? OutboxId => StatusCallback is null ? null
        : long.Parse(System.Web.HttpUtility.ParseQueryString(StatusCallback.Query)["outbox"]!, System.Globalization.CultureInfo.InvariantCulture);
}
