using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tamkeen.Core.Conversations;
using Tamkeen.Host.Data;
using Tamkeen.Host.Messaging;
using Tamkeen.Host.Settings;

namespace Tamkeen.Host.Channels.WebChat;

public static class WebChatEndpoints
{
    public sealed record PostedMessage(string? Id, string? Text, string? Payload);

    public static void MapWebChat(this IEndpointRouteBuilder app, WebChatOptions options)
    {
        var chat = app.MapGroup("/chat");
        chat.MapGet("/history", GetHistoryAsync).RequireRateLimiting(WebChatRateLimits.Reads);
        chat.MapGet("/events", GetEvents).RequireRateLimiting(WebChatRateLimits.Reads);
        chat.MapGet("/files/{id:long}/{index:int}", GetFileAsync).RequireRateLimiting(WebChatRateLimits.Reads);
        chat.MapPost("/messages", PostMessageAsync)
            .WithMetadata(new RequestSizeLimitAttribute(options.MaxRequestBytes))
            .RequireRateLimiting(WebChatRateLimits.Messages);
    }

    internal static WebChatLine BotLine(OutboxMessage m) => new($"b{m.Id}", "bot", m.Text, m.Buttons, m.CreatedAt,
        m.Attachments.Select((a, i) => new WebChatFile(a.ContentType, string.Create(CultureInfo.InvariantCulture, $"chat/files/{m.Id}/{i}"))).ToList());

    private static async Task<IResult> PostMessageAsync(PostedMessage body, HttpContext http, WebChatSession sessions, MessageIntake intake,
        TimeProvider time, CancellationToken ct)
    {
        if (body.Id is not { Length: > 0 and <= 64 } id) throw new BadHttpRequestException("Each message needs an id of 1 to 64 characters.");
        var session = sessions.GetOrCreate(http);
        var message = new InboundMessage(Channel.WebChat, session, $"{session}:{id}", body.Text, body.Payload, [], time.GetUtcNow());
        var result = await intake.AcceptAsync(message, ct);
        if (result.Status == IntakeStatus.Busy) return Busy(http);
        return Results.Accepted(value: new { status = result.Status.ToString().ToLowerInvariant() });
    }

    /// <summary>Not stored: the page keeps the message, tells the person, and sends it again after Retry-After.</summary>
    internal static IResult Busy(HttpContext http)
    {
        http.Response.Headers.RetryAfter = "1";
        return Results.Json(new { status = "busy" }, statusCode: StatusCodes.Status429TooManyRequests);
    }

    private static async Task<IResult> GetHistoryAsync(HttpContext http, WebChatSession sessions, IDbContextFactory<TamkeenDb> dbFactory, CancellationToken ct)
    {
        var session = sessions.GetOrCreate(http);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var received = await db.Inbox.Where(m => m.Channel == Channel.WebChat && m.SenderAddress == session)
            .Select(m => new { m.Id, m.Text, m.ButtonPayload, m.ReceivedAt }).ToListAsync(ct);
        // Replies still pending are shown too: the page may have missed the dispatcher's live push, which can come
        // before the row is marked sent; line ids keep every reply shown once.
        var sent = await db.Outbox.Where(m => m.Channel == Channel.WebChat && m.Address == session && m.Status != DeliveryStatus.Failed)
            .ToListAsync(ct);
        var language = await db.ChannelIdentities.Where(i => i.Channel == Channel.WebChat && i.Address == session)
            .Join(db.Conversations, i => i.BeneficiaryId, c => c.BeneficiaryId, (_, c) => (Language?)c.Language)
            .FirstOrDefaultAsync(ct) ?? Language.Arabic;

        // A reply is stored after the message it answers, so time then (person before bot) then id gives the chat order.
        var lines = received.Select(m => (At: m.ReceivedAt, Bot: false, m.Id, Line: new WebChatLine($"u{m.Id}", "me", m.Text ?? m.ButtonPayload ?? "", [], m.ReceivedAt, [])))
            .Concat(sent.Select(m => (At: m.CreatedAt, Bot: true, m.Id, Line: BotLine(m))))
            .OrderBy(x => x.At).ThenBy(x => x.Bot).ThenBy(x => x.Id)
            .Select(x => x.Line)
            .ToList();
        return Results.Ok(new
        {
            language = language == Language.English ? "en" : "ar",
            lastBotId = sent.Count == 0 ? 0 : sent.Max(m => m.Id),
            lines,
        });
    }

    /// <summary>A file sent into this visitor's chat; any other visitor (or none) gets 404, as for a file that does not exist.</summary>
    private static async Task<IResult> GetFileAsync(long id, int index, HttpContext http, WebChatSession sessions, IDbContextFactory<TamkeenDb> dbFactory,
        AttachmentStore store, CancellationToken ct)
    {
        if (sessions.Existing(http) is not { } session) return Results.NotFound();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.Outbox.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id && m.Channel == Channel.WebChat && m.Address == session, ct);
        return row?.Attachments.ElementAtOrDefault(index) is { } file && store.KeptFile(file) is { } path
            ? Results.File(path, file.ContentType, fileDownloadName: Path.GetFileName(path))
            : Results.NotFound();
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ServerSentEventsResult<WebChatLine?> GetEvents(long? after, HttpContext http, WebChatSession sessions,
        IDbContextFactory<TamkeenDb> dbFactory, WebChatHub hub) =>
        TypedResults.ServerSentEvents(StreamAsync(sessions.GetOrCreate(http), after ?? 0, dbFactory, hub, http.RequestAborted));

    /// <summary>Subscribes first, then sends what was delivered after the page's history, then live lines.</summary>
    private static async IAsyncEnumerable<SseItem<WebChatLine?>> StreamAsync(string session, long after,
        IDbContextFactory<TamkeenDb> dbFactory, WebChatHub hub, [EnumeratorCancellation] CancellationToken ct)
    {
        using var subscription = hub.Subscribe(session);
        // Sent at once so the response starts now (the page ignores it); otherwise nothing is sent until a reply.
        yield return new SseItem<WebChatLine?>(null, "ready");
        var seen = new HashSet<string>();
        List<OutboxMessage> missed;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            missed = await db.Outbox.Where(m => m.Channel == Channel.WebChat && m.Address == session
                                                && m.Status != DeliveryStatus.Failed && m.Id > after)
                .OrderBy(m => m.Id).ToListAsync(ct);
        }
        foreach (var m in missed)
        {
            var line = BotLine(m);
            seen.Add(line.Id);
            yield return new SseItem<WebChatLine?>(line, "line") { EventId = line.Id };
        }
        await foreach (var line in subscription.Reader.ReadAllAsync(ct))
        {
            if (seen.Add(line.Id)) yield return new SseItem<WebChatLine?>(line, "line") { EventId = line.Id };
        }
    }
}
