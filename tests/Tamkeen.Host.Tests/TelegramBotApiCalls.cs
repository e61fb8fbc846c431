using System.Collections.Concurrent;
using System.Net;

namespace Tamkeen.Host.Tests;

/// <summary>
/// Records the Bot API methods the service calls and what they answered, for what the emulator does not keep
/// (answerCallbackQuery). Added to the service's "Telegram" HttpClient.
/// </summary>
public sealed class TelegramBotApiCalls
{
    private readonly ConcurrentQueue<(string Method, HttpStatusCode Status)> _calls = new();

    public DelegatingHandler Recorder() => new Recording(this);

    public HttpStatusCode? StatusOf(string method) =>
        _calls.Where(c => c.Method == method).Select(c => (HttpStatusCode?)c.Status).LastOrDefault();

    public async Task WaitForAsync(string method)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (StatusOf(method) is null)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The service did not call {method}.");
            await Task.Delay(20);
        }
    }

    private sealed class Recording(TelegramBotApiCalls calls) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            calls._calls.Enqueue((request.RequestUri!.Segments[^1], response.StatusCode));
            return response;
        }
    }
}
