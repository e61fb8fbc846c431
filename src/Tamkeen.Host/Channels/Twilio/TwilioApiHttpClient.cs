using System.Net;
using System.Net.Http.Headers;
using Twilio.Http;

namespace Tamkeen.Host.Channels.Twilio;

/// <summary>
/// The Twilio SDK's HTTP layer, pointed at Twilio:ApiBaseUrl (Prism in tests) instead of api.twilio.com, through a
/// client from IHttpClientFactory, cancellable per call. A 429 is thrown as <see cref="TwilioThrottledException"/> with
/// its Retry-After, which the SDK's own ApiException would drop.
/// </summary>
internal sealed class TwilioApiHttpClient(System.Net.Http.HttpClient http, string apiBaseUrl, TimeProvider time, CancellationToken cancellationToken)
    : global::Twilio.Http.HttpClient
{
    public override Response MakeRequest(Request request) =>
        throw new NotSupportedException("Tamkeen calls Twilio asynchronously only.");

    public override async Task<Response> MakeRequestAsync(Request request)
    {
        var url = apiBaseUrl.TrimEnd('/') + request.ConstructUrl().PathAndQuery;
        using var message = new HttpRequestMessage(new System.Net.Http.HttpMethod(request.Method.ToString()), url);
        message.Headers.Authorization = new AuthenticationHeaderValue("Basic", Authentication(request.Username, request.Password));
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (!Equals(request.Method, global::Twilio.Http.HttpMethod.Get)) message.Content = new FormUrlEncodedContent(request.PostParams);

        using var response = await http.SendAsync(message, cancellationToken);
        var content = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode == HttpStatusCode.TooManyRequests) throw new TwilioThrottledException(RetryAfter(response.Headers.RetryAfter, time), content);
        return new Response(response.StatusCode, content, response.Headers);
    }

    private static TimeSpan? RetryAfter(RetryConditionHeaderValue? header, TimeProvider time) =>
        header?.Delta ?? (header?.Date is { } date ? date - time.GetUtcNow() : null);
}
