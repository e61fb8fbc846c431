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
/// Retry-After, 500, 400 with an error code), give every message its own SID, and serve media files behind basic auth.
/// </summary>
public sealed class TwilioFakeApi : IAsyncDisposable
{
    private readonly ConcurrentQueue<(int Status, string Body, string? RetryAfter)> _answers = new();
    private readonly ConcurrentDictionary<string, (byte[] Content, string ContentType)> _files = new();
    private WebApplication _app = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<TwilioFakeApi> StartAsync()
    {
        var fake = new TwilioFakeApi();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/2010-04-01/Accounts/{account}/Messages.json", fake.CreateMessage);
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

    private IResult CreateMessage(HttpContext context)
    {
        if (!_answers.TryDequeue(out var answer)) answer = (201, $$"""{"sid":"SM{{Guid.NewGuid():N}}","status":"queued"}""", null);
        if (answer.RetryAfter is not null) context.Response.Headers.RetryAfter = answer.RetryAfter;
        return Results.Content(answer.Body, "application/json", statusCode: answer.Status);
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
