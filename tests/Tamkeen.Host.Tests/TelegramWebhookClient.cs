using System.Net;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Tamkeen.Host.Channels.Telegram;

namespace Tamkeen.Host.Tests;

/// <summary>
/// Posts updates to a service's webhook as Telegram does, and, as Telegram does, runs the method an answer carries (a
/// webhook reply) on the fake Bot API the service was started with.
/// </summary>
internal static class TelegramWebhookClient
{
    private static readonly ConditionalWeakTable<RunningService, TelegramFakeBotApi> Telegrams = new();

    /// <summary>Names the fake Bot API that plays Telegram for this service's webhook answers.</summary>
    public static RunningService AnsweredOn(this RunningService service, TelegramFakeBotApi api)
    {
        Telegrams.AddOrUpdate(service, api);
        return service;
    }

    /// <param name="answerLost">The answer never reaches Telegram (a timeout on its side), so what it carries is not run.</param>
    public static async Task<HttpResponseMessage> PostUpdateAsync(this RunningService service, object update, string? secret, bool answerLost = false)
    {
        using var http = new HttpClient { BaseAddress = service.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "telegram/webhook")
        {
            Content = new StringContent(update as string ?? JsonSerializer.Serialize(update), Encoding.UTF8, "application/json"),
        };
        if (secret is not null) request.Headers.Add(TelegramWebhookEndpoint.SecretHeader, secret);
        var answer = await http.SendAsync(request, TestContext.Current.CancellationToken);
        await answer.Content.LoadIntoBufferAsync(TestContext.Current.CancellationToken);
        if (!answerLost && answer.StatusCode == HttpStatusCode.OK && Telegrams.TryGetValue(service, out var api)) await api.RunAnswerAsync(answer);
        return answer;
    }
}
