using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tamkeen.Host.Channels.Telegram;
using Tamkeen.Host.Messaging;

namespace Tamkeen.Host.Tests;

/// <summary>More than the service should take at once is refused politely, stored nowhere, and sent again by the sender.</summary>
public class OverloadTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_chat_session_past_its_burst_is_told_to_wait_and_nothing_of_it_is_stored()
    {
        await using var service = await RunningService.StartAsync(settings: ["--WebChat:MessagesBurst=3", "--WebChat:MessagesPerMinute=6"]);
        using var visitor = await OpenPageAsync(service);

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 5; i++) answers.Add(await visitor.PostAsJsonAsync("chat/messages", new { id = $"m{i}", text = "مرحبا" }, Ct));

        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests],
            answers.Select(a => a.StatusCode));
        var refused = answers[3];
        Assert.InRange(int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 10);
        Assert.Equal("busy", (await refused.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("status").GetString());
        await service.WaitUntilIdleAsync();
        await using var db = service.OpenDatabase();
        Assert.Equal(3, await db.Inbox.CountAsync(Ct));
    }

    [Fact]
    public async Task Messages_without_a_session_start_only_so_many_new_conversations_from_one_address()
    {
        await using var service = await RunningService.StartAsync(settings: ["--WebChat:NewSessionsPerMinute=5"]);
        using var cookieless = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = service.BaseAddress };

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 40; i++) statuses.Add((await cookieless.PostAsJsonAsync("chat/messages", new { id = $"m{i}", text = "مرحبا" }, Ct)).StatusCode);

        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.Accepted));
        Assert.Equal(35, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        await service.WaitUntilIdleAsync();
        await using var db = service.OpenDatabase();
        Assert.Equal(5, await db.Beneficiaries.CountAsync(Ct));
        // A visitor who opens the page has a session before writing, and is not held up by the flood from the same address.
        using var visitor = await OpenPageAsync(service);
        Assert.Equal("accepted", await visitor.SendAsync("مرحبا"));
    }

    [Fact]
    public async Task A_telegram_chat_with_too_many_messages_waiting_is_asked_to_send_again_and_others_are_still_taken()
    {
        await using var api = await TelegramFakeBotApi.StartAsync();
        await using var service = await RunningService.StartAsync(settings:
        [
            $"--Telegram:BotToken={TelegramFakeBotApi.Token}", $"--Telegram:ApiBaseUrl={api.Address}",
            "--Telegram:WebhookUrl=https://tamkeen.example/telegram/webhook", "--Telegram:SecretToken=s3cret",
            "--Messaging:MaxQueuedPerPerson=2",
        ]);
        // Lanes that process nothing: whatever is taken stays waiting.
        await service.Services.GetRequiredService<ConversationLanes>().StopAsync(Ct);

        var flooding = new List<HttpResponseMessage>();
        for (var i = 0; i < 3; i++) flooding.Add(await PostUpdateAsync(service, chat: 501, updateId: 100 + i));
        var other = await PostUpdateAsync(service, chat: 502, updateId: 200);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable], flooding.Select(r => r.StatusCode));
        Assert.Equal("1", flooding[2].Headers.GetValues("Retry-After").Single());
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        await using var db = service.OpenDatabase();
        Assert.Equal(3, await db.Inbox.CountAsync(Ct));
    }

    /// <summary>As the page does: its history first, which hands out the session.</summary>
    private static async Task<HttpClient> OpenPageAsync(RunningService service)
    {
        var visitor = service.NewVisitor();
        (await visitor.GetAsync("chat/history", Ct)).EnsureSuccessStatusCode();
        return visitor;
    }

    private static async Task<HttpResponseMessage> PostUpdateAsync(RunningService service, long chat, long updateId)
    {
        using var http = new HttpClient { BaseAddress = service.BaseAddress };
        var update = new
        {
            update_id = updateId,
            message = new
            {
                message_id = updateId, date = DateTimeOffset.UtcNow.ToUnixTimeSeconds(), text = "مرحبا",
                from = new { id = chat, is_bot = false, first_name = "Noura" }, chat = new { id = chat, type = "private" },
            },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "telegram/webhook")
        {
            Content = new StringContent(JsonSerializer.Serialize(update), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(TelegramWebhookEndpoint.SecretHeader, "s3cret");
        return await http.SendAsync(request, Ct);
    }
}
