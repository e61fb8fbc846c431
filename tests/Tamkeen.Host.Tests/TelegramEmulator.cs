using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace Tamkeen.Host.Tests;

/// <summary>
/// The Bot API emulator (telegram-test-api through tests/emulators/tg-server.js) on a free loopback port, started once
/// per test class and killed after it. Each test uses a bot token of its own, which keeps its chats apart.
/// </summary>
public sealed class TelegramEmulator : IAsyncLifetime
{
    private Process? _node;

    public Uri Address { get; private set; } = null!;
    public HttpClient Http { get; } = new();

    public async ValueTask InitializeAsync()
    {
        await Emulators.EnsureInstalledAsync();
        var folder = Emulators.Folder;
        var port = Emulators.FreePort();
        Address = new Uri($"http://127.0.0.1:{port}/");
        _node = Process.Start(new ProcessStartInfo("node", ["tg-server.js", port.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        _node.OutputDataReceived += (_, _) => { };
        _node.ErrorDataReceived += (_, _) => { };
        _node.BeginOutputReadLine();
        _node.BeginErrorReadLine();

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (true)
        {
            try
            {
                if ((await Http.GetAsync(new Uri($"{Address}bot1:probe/getMe"))).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline && !_node.HasExited)
            {
            }
            if (DateTime.UtcNow >= deadline || _node.HasExited)
            {
                await DisposeAsync();
                Assert.Fail("The Telegram emulator did not start.");
            }
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_node is { HasExited: false }) _node.Kill(entireProcessTree: true);
        if (_node is not null) await _node.WaitForExitAsync();
        _node?.Dispose();
        Http.Dispose();
    }

    /// <summary>A person in a private chat with the bot whose token is given; their user id is their chat id.</summary>
    public TelegramUser User(string botToken, long userId) => new(this, botToken, userId);

    /// <summary>Everything the emulator keeps for one bot: the bot's messages as sent (and edited) and the users' updates.</summary>
    public async Task<JsonArray> HistoryAsync(string botToken)
    {
        var response = await Http.PostAsJsonAsync(new Uri(Address, "getUpdatesHistory"), new { token = botToken });
        return (JsonArray)(await response.Content.ReadFromJsonAsync<JsonObject>())!["result"]!;
    }

    internal async Task PostAsync(string route, object body) =>
        (await Http.PostAsJsonAsync(new Uri(Address, route), body)).EnsureSuccessStatusCode();
}

/// <summary>The person's side of a private chat, through the emulator's client routes.</summary>
public sealed class TelegramUser(TelegramEmulator emulator, string botToken, long userId)
{
    private readonly Queue<BotMessage> _unread = new();

    public long ChatId => userId;

    private object From => new { id = userId, is_bot = false, first_name = "Noura" };
    private object Chat => new { id = userId, type = "private", first_name = "Noura" };
    private static long Now => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    public Task SaysAsync(string text) =>
        emulator.PostAsync("sendMessage", new { botToken, from = From, chat = Chat, date = Now, text });

    public Task SharesContactAsync(string phoneNumber, long? ownerUserId) =>
        emulator.PostAsync("sendMessage", new
        {
            botToken, from = From, chat = Chat, date = Now,
            contact = new { phone_number = phoneNumber, first_name = "Noura", user_id = ownerUserId },
        });

    /// <summary>Presses a button of an inline keyboard on one of the bot's messages.</summary>
    /// <param name="choice">The button's choice ("2"); its callback data also names the step it belongs to ("2@MainMenu").</param>
    public Task PressesAsync(BotMessage message, string choice) =>
        emulator.PostAsync("sendCallback", new
        {
            botToken, from = From, data = message.InlineRows.SelectMany(row => row).Select(b => b.Payload)
                .FirstOrDefault(data => data == choice || data.StartsWith(choice + "@", StringComparison.Ordinal)) ?? choice,
            message = new { message_id = message.MessageId, date = Now, chat = Chat, text = message.Text },
        });

    /// <summary>The bot's next message in this chat, waiting (bounded) for it to arrive.</summary>
    public async Task<BotMessage> NextReplyAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (_unread.Count == 0)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The bot did not answer in time.");
            var response = await emulator.Http.PostAsJsonAsync(new Uri(emulator.Address, "getUpdates"), new { token = botToken, chatId = userId });
            var result = (await response.Content.ReadFromJsonAsync<JsonObject>())!["result"]!.AsArray();
            foreach (var stored in result) _unread.Enqueue(BotMessage.From(stored!));
            if (_unread.Count == 0) await Task.Delay(20);
        }
        return _unread.Dequeue();
    }
}

/// <summary>A message the bot sent, as the emulator stored it.</summary>
public sealed record BotMessage(int MessageId, string Text, JsonNode? ReplyMarkup)
{
    public static BotMessage From(JsonNode stored) => new(
        stored["messageId"]!.GetValue<int>(),
        stored["message"]!["text"]!.GetValue<string>(),
        stored["message"]!["reply_markup"]);

    /// <summary>The inline keyboard's buttons, row by row: (label, payload).</summary>
    public IReadOnlyList<(string Label, string Payload)[]> InlineRows =>
        ReplyMarkup?["inline_keyboard"]?.AsArray()
            .Select(row => row!.AsArray().Select(b => (b!["text"]!.GetValue<string>(), b["callback_data"]!.GetValue<string>())).ToArray())
            .ToList() ?? [];

    /// <summary>The reply keyboard's buttons, row by row: (label, asks for the contact).</summary>
    public IReadOnlyList<(string Label, bool RequestsContact)[]> KeyboardRows =>
        ReplyMarkup?["keyboard"]?.AsArray()
            .Select(row => row!.AsArray().Select(b => (b!["text"]!.GetValue<string>(), b["request_contact"]?.GetValue<bool>() == true)).ToArray())
            .ToList() ?? [];
}
