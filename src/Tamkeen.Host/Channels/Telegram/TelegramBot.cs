using Microsoft.Extensions.Options;
using Telegram.Bot;
using Tamkeen.Host.Settings;

namespace Tamkeen.Host.Channels.Telegram;

/// <summary>Makes Bot API clients over the factory's "Telegram" HttpClient, so connections are pooled and renewed.</summary>
public sealed class TelegramBot(IHttpClientFactory httpClients, IOptions<TelegramOptions> options)
{
    public const string HttpClientName = "Telegram";

    public ITelegramBotClient Client() => new TelegramBotClient(ClientOptions(), Http());

    /// <summary>The factory's client, for downloading files as a stream rather than through the bot client's buffer.</summary>
    public HttpClient Http() => httpClients.CreateClient(HttpClientName);

    /// <param name="filePath">The file_path getFile gave.</param>
    public Uri FileUrl(string filePath) => new($"{ClientOptions().BaseFileUrl}/{filePath}");

    private TelegramBotClientOptions ClientOptions()
    {
        var settings = options.Value;
        // Null for Telegram's own server: Telegram.Bot takes any base address given as a local Bot API server.
        var baseUrl = settings.ApiBaseUrl.TrimEnd('/') == TelegramOptions.DefaultApiBaseUrl ? null : settings.ApiBaseUrl.TrimEnd('/');
        // No retries inside the client: the outbox dispatcher owns retries and reads retry_after from our outcome.
        return new TelegramBotClientOptions(settings.BotToken, baseUrl) { RetryThreshold = 0, RetryCount = 0 };
    }
}
