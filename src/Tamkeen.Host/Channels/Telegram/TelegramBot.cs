using Microsoft.Extensions.Options;
using Telegram.Bot;
using Tamkeen.Host.Settings;

namespace Tamkeen.Host.Channels.Telegram;

/// <summary>
/// The bot's one Bot API client, over the factory's "Telegram" HttpClient. The client is kept for the life of the service
/// (a client a send cost an allocation and options each time); its handler renews pooled connections itself
/// (PooledConnectionLifetime, set where the HttpClient is registered), so DNS changes are still seen.
/// </summary>
public sealed class TelegramBot
{
    public const string HttpClientName = "Telegram";

    private readonly IHttpClientFactory _httpClients;
    private readonly IOptions<TelegramOptions> _options;
    private readonly Lazy<ITelegramBotClient> _client;

    public TelegramBot(IHttpClientFactory httpClients, IOptions<TelegramOptions> options)
    {
        _httpClients = httpClients;
        _options = options;
        _client = new(() => new TelegramBotClient(ClientOptions(), Http()));
    }

    public ITelegramBotClient Client() => _client.Value;

    /// <summary>The factory's client, for downloading files as a stream rather than through the bot client's buffer.</summary>
    public HttpClient Http() => _httpClients.CreateClient(HttpClientName);

    /// <param name="filePath">The file_path getFile gave.</param>
    public Uri FileUrl(string filePath) => new($"{ClientOptions().BaseFileUrl}/{filePath}");

    private TelegramBotClientOptions ClientOptions()
    {
        var settings = _options.Value;
        // Null for Telegram's own server: Telegram.Bot takes any base address given as a local Bot API server.
        var baseUrl = settings.ApiBaseUrl.TrimEnd('/') == TelegramOptions.DefaultApiBaseUrl ? null : settings.ApiBaseUrl.TrimEnd('/');
        // No retries inside the client: the outbox dispatcher owns retries and reads retry_after from our outcome.
        return new TelegramBotClientOptions(settings.BotToken, baseUrl) { RetryThreshold = 0, RetryCount = 0 };
    }
}
