using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Tamkeen.CrashBench;

/// <summary>
/// Telegram's Bot API and Twilio's Messages API, faked on one loopback port in the bench's process, so what they
/// received outlives the service's crash. Each records a message before it answers, as the real ones do: a crash
/// between the provider's answer and the service's commit is what sends a reply twice.
/// </summary>
/// <param name="latency">
/// How long a call takes, half of it before the message is recorded (on its way to the provider) and half after (the
/// answer on its way back); Telegram and Twilio take 100–300 ms from here.
/// </param>
internal sealed class FakeProviders(TimeSpan latency) : IAsyncDisposable
{
    private WebApplication _app = null!;
    private int _telegramMessageId;
    private int _twilioListCalls;

    /// <summary>Every sendMessage, by chat id.</summary>
    public Mailboxes Telegram { get; } = new();

    /// <summary>Every message created at Twilio, by To.</summary>
    public Mailboxes Sms { get; } = new();

    public ConcurrentQueue<TwilioMessage> TwilioMessages { get; } = new();

    /// <summary>How often the service asked Twilio's message list (once per interrupted SMS it settles).</summary>
    public int TwilioListCalls => _twilioListCalls;

    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<FakeProviders> StartAsync(TimeSpan latency)
    {
        var fakes = new FakeProviders(latency);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/bot{token}/{method}", fakes.TelegramAsync);
        app.MapPost("/2010-04-01/Accounts/{account}/Messages.json", fakes.CreateTwilioMessageAsync);
        app.MapGet("/2010-04-01/Accounts/{account}/Messages.json", fakes.ListTwilioMessages);
        await app.StartAsync();
        fakes._app = app;
        fakes.BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return fakes;
    }

    /// <summary>sendMessage answers a Message and is recorded; getMe answers a bot; setWebhook and the rest answer true.</summary>
    private async Task<IResult> TelegramAsync(string method, HttpRequest request)
    {
        if (method.Equals("getMe", StringComparison.OrdinalIgnoreCase))
            return Ok(new { id = 123456, is_bot = true, first_name = "Tamkeen bench", username = "tamkeen_bench_bot" });
        if (!method.Equals("sendMessage", StringComparison.OrdinalIgnoreCase)) return Ok(true);

        await Task.Delay(latency / 2);
        using var body = await JsonDocument.ParseAsync(request.Body);
        var chat = body.RootElement.GetProperty("chat_id");
        var chatId = chat.ValueKind == JsonValueKind.Number ? chat.GetInt64() : long.Parse(chat.GetString()!, CultureInfo.InvariantCulture);
        var text = body.RootElement.GetProperty("text").GetString()!;
        Telegram.Add(chatId.ToString(CultureInfo.InvariantCulture), text);
        await Task.Delay(latency / 2);
        return Ok(new
        {
            message_id = Interlocked.Increment(ref _telegramMessageId),
            date = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            chat = new { id = chatId, type = "private" },
            text,
        });
    }

    private static IResult Ok(object result) => Results.Json(new { ok = true, result });

    /// <summary>A new SID per message; the outbox id comes from the status callback's address.</summary>
    private async Task<IResult> CreateTwilioMessageAsync(HttpRequest request)
    {
        await Task.Delay(latency / 2);
        var form = await request.ReadFormAsync();
        var callback = new Uri(form["StatusCallback"].ToString());
        var outboxId = long.Parse(System.Web.HttpUtility.ParseQueryString(callback.Query)["outbox"]!, CultureInfo.InvariantCulture);
        var message = new TwilioMessage($"SM{Guid.NewGuid():N}", form["To"].ToString(), form["From"].ToString(), form["Body"].ToString(),
            DateTimeOffset.UtcNow, outboxId);
        TwilioMessages.Enqueue(message);
        Sms.Add(message.To, message.Body);
        await Task.Delay(latency / 2);
        return Results.Content($$"""{"sid":"{{message.Sid}}","status":"queued"}""", "application/json", statusCode: StatusCodes.Status201Created);
    }

    /// <summary>Newest first, filtered by To, in Twilio's page and date format (as tests/Tamkeen.Host.Tests/TwilioFakeApi.cs).</summary>
    private IResult ListTwilioMessages(HttpContext context, string account)
    {
        Interlocked.Increment(ref _twilioListCalls);
        var to = context.Request.Query["To"].ToString();
        var messages = TwilioMessages.Where(m => to.Length == 0 || m.To == to).OrderByDescending(m => m.CreatedAt).Take(20).Select(m => new Dictionary<string, object?>
        {
            ["sid"] = m.Sid, ["to"] = m.To, ["from"] = m.From, ["body"] = m.Body, ["direction"] = "outbound-api", ["status"] = "sent",
            ["date_created"] = m.CreatedAt.ToString("ddd, dd MMM yyyy HH:mm:ss +0000", CultureInfo.InvariantCulture),
        });
        var uri = $"/2010-04-01/Accounts/{account}/Messages.json?PageSize=20&Page=0";
        return Results.Json(new Dictionary<string, object?>
        {
            ["messages"] = messages, ["page"] = 0, ["page_size"] = 20, ["uri"] = uri, ["first_page_uri"] = uri,
            ["next_page_uri"] = null, ["previous_page_uri"] = null, ["start"] = 0, ["end"] = 0,
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

internal sealed record TwilioMessage(string Sid, string To, string From, string Body, DateTimeOffset CreatedAt, long OutboxId);

/// <summary>What a fake provider delivered, per recipient; a sender can wait for the next one to arrive.</summary>
internal sealed class Mailboxes
{
    private readonly ConcurrentDictionary<string, Mailbox> _boxes = new();

    public void Add(string recipient, string text) => Box(recipient).Add(text);

    public int Count(string recipient) => Box(recipient).Count;

    public int Total => _boxes.Values.Sum(box => box.Count);

    /// <returns>False when nothing more arrived within <paramref name="timeout"/>.</returns>
    public Task<bool> WaitForMoreThanAsync(string recipient, int count, TimeSpan timeout, CancellationToken cancellationToken) =>
        Box(recipient).WaitForMoreThanAsync(count, timeout, cancellationToken);

    /// <summary>How many times each text reached each recipient.</summary>
    public Dictionary<(string Recipient, string Text), int> CountByText() =>
        _boxes.SelectMany(box => box.Value.Texts().Select(text => (box.Key, text)))
            .GroupBy(key => key).ToDictionary(group => group.Key, group => group.Count());

    private Mailbox Box(string recipient) => _boxes.GetOrAdd(recipient, _ => new Mailbox());

    private sealed class Mailbox
    {
        private readonly Lock _lock = new();
        private readonly List<string> _texts = [];
        private TaskCompletionSource _added = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Count
        {
            get { lock (_lock) return _texts.Count; }
        }

        public string[] Texts()
        {
            lock (_lock) return [.. _texts];
        }

        public void Add(string text)
        {
            TaskCompletionSource added;
            lock (_lock)
            {
                _texts.Add(text);
                added = _added;
                _added = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
            added.SetResult();
        }

        public async Task<bool> WaitForMoreThanAsync(int count, TimeSpan timeout, CancellationToken cancellationToken)
        {
            var deadline = DateTime.UtcNow + timeout;
            while (true)
            {
                Task added;
                lock (_lock)
                {
                    if (_texts.Count > count) return true;
                    added = _added.Task;
                }
                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero) return false;
                try
                {
                    await added.WaitAsync(left, cancellationToken);
                }
                catch (TimeoutException)
                {
                    return false;
                }
            }
        }
    }
}
