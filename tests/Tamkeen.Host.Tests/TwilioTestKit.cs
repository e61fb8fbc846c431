using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Tamkeen.Host.Channels.Twilio;
using Twilio.Security;

namespace Tamkeen.Host.Tests;

/// <summary>What the Twilio tests share: test credentials, webhooks signed as Twilio signs them, and what the service sent to Twilio's API.</summary>
public static class TwilioTestKit
{
    public const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    public const string AuthToken = "0123456789abcdef0123456789abcdef";
    public const string WhatsAppFrom = "whatsapp:+14155238886";
    public const string SmsFrom = "+14155550100";
    public const string TemplateSid = "HX0123456789abcdef0123456789abcdef";

    /// <summary>Twilio calls the public address; the service itself listens on loopback behind the "proxy".</summary>
    public const string PublicBaseUrl = "https://tamkeen.example.org";

    public const string Person = "+966501234567";
    public const string PersonOnWhatsApp = "whatsapp:" + Person;

    public static string[] TwilioSettings(Uri api, bool whatsApp = true, bool sms = true, string? template = null, params string[] more) =>
    [
        $"--Twilio:AccountSid={AccountSid}",
        $"--Twilio:AuthToken={AuthToken}",
        $"--Twilio:ApiBaseUrl={api}",
        $"--Twilio:PublicBaseUrl={PublicBaseUrl}",
        .. whatsApp ? [$"--Twilio:WhatsAppFrom={WhatsAppFrom}"] : Array.Empty<string>(),
        .. sms ? [$"--Twilio:SmsFrom={SmsFrom}"] : Array.Empty<string>(),
        .. template is null ? Array.Empty<string>() : [$"--Twilio:WhatsAppTemplateContentSid={template}"],
        .. more,
    ];

    public static string NewMessageSid() => "SM" + Guid.NewGuid().ToString("N");

    /// <summary>An inbound message as Twilio posts it, on WhatsApp when <paramref name="from"/> starts with whatsapp:.</summary>
    public static Dictionary<string, string> Message(string from, string body, string? sid = null) => new()
    {
        ["AccountSid"] = AccountSid,
        ["MessageSid"] = sid ?? NewMessageSid(),
        ["From"] = from,
        ["To"] = from.StartsWith("whatsapp:", StringComparison.Ordinal) ? WhatsAppFrom : SmsFrom,
        ["Body"] = body,
        ["NumMedia"] = "0",
    };

    /// <summary>
    /// Twilio's documented signature: HMAC-SHA1 with the auth token over the URL and the sorted parameters, in base64.
    /// The Twilio package only checks signatures, so every signature made here is confirmed by its RequestValidator.
    /// </summary>
    public static string Sign(string url, IReadOnlyDictionary<string, string> parameters, string authToken = AuthToken)
    {
        var data = new StringBuilder(url);
        foreach (var key in parameters.Keys.Order(StringComparer.Ordinal)) data.Append(key).Append(parameters[key]);
#pragma warning disable CA5350 // Twilio's signature is HMAC-SHA1; the test signs as Twilio does.
        var signature = Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString())));
#pragma warning restore CA5350
        if (!new RequestValidator(authToken).Validate(url, parameters.ToDictionary(), signature))
            throw new InvalidOperationException("The Twilio package's RequestValidator does not accept the test's signature.");
        return signature;
    }

    public static async Task<HttpResponseMessage> PostAsync(RunningService service, string path, Dictionary<string, string> form, string? signature = "sign")
    {
        using var http = new HttpClient { BaseAddress = service.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) };
        if (signature is not null)
            request.Headers.Add("X-Twilio-Signature", signature == "sign" ? Sign(PublicBaseUrl + path, form) : signature);
        return await http.SendAsync(request);
    }

    /// <summary>Posts a signed inbound message and checks Twilio gets the empty TwiML answer.</summary>
    public static async Task SendAsync(RunningService service, string from, string body)
    {
        using var response = await PostAsync(service, "/twilio/messages", Message(from, body));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("<Response/>", await response.Content.ReadAsStringAsync());
    }

    /// <summary>Records every call the service makes to Twilio's REST API, as seen on the wire.</summary>
    public static Action<IServiceCollection> Record(TwilioCalls calls) =>
        services => services.AddHttpClient(TwilioMessages.HttpClientName).AddHttpMessageHandler(() => new RecordingHandler(calls));

    private sealed class RecordingHandler(TwilioCalls calls) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var form = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
            var response = await base.SendAsync(request, cancellationToken);
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            calls.Add(new TwilioCall(request.RequestUri!, QueryHelpers.ParseQuery(form).ToDictionary(p => p.Key, p => p.Value.ToString()),
                (int)response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken)));
            return response;
        }
    }
}

public sealed record TwilioCall(Uri Url, IReadOnlyDictionary<string, string> Form, int Status, string ResponseBody)
{
    public string Sid => System.Text.Json.JsonDocument.Parse(ResponseBody).RootElement.GetProperty("sid").GetString()!;
}

public sealed class TwilioCalls
{
    private readonly List<TwilioCall> _calls = [];

    public void Add(TwilioCall call)
    {
        lock (_calls) _calls.Add(call);
    }

    public IReadOnlyList<TwilioCall> All
    {
        get { lock (_calls) return [.. _calls]; }
    }
}
