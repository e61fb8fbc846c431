using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Tamkeen.CrashBench;

/// <summary>
/// People in a closed loop on Telegram (webhook updates with the secret header) and SMS (Twilio webhooks, signed): each
/// sends a message, waits until the service acknowledged it and its reply reached the fake provider, then sends the
/// next. A post the service did not acknowledge (it was down, or died while answering) is posted again unchanged once
/// it is back, as Telegram and Twilio deliver again.
/// </summary>
internal sealed class Load(HttpClient http, ServiceProcess service, FakeProviders fakes)
{
    private static readonly TimeSpan ReplyWait = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan RepostDelay = TimeSpan.FromMilliseconds(100);

    private int _updateId;
    private int _reposts;

    public Traffic Telegram { get; } = new(fakes.Telegram);

    public Traffic Sms { get; } = new(fakes.Sms);

    /// <summary>Posts that failed and were made again.</summary>
    public int Reposts => _reposts;

    /// <summary>Runs until <paramref name="stop"/>; each person then finishes the message they are on.</summary>
    public Task RunAsync(int telegramUsers, int smsUsers, CancellationToken stop, CancellationToken deadline) => Task.WhenAll(
    [
        .. Enumerable.Range(0, telegramUsers).Select(user => Task.Run(() => TelegramUserAsync(user, stop, deadline), deadline)),
        .. Enumerable.Range(0, smsUsers).Select(user => Task.Run(() => SmsUserAsync(user, stop, deadline), deadline)),
    ]);

    private async Task TelegramUserAsync(int user, CancellationToken stop, CancellationToken deadline)
    {
        var chatId = 700_000 + user;
        var person = new { id = chatId, is_bot = false, first_name = "Bench" };
        for (var step = 0; !stop.IsCancellationRequested; step++)
        {
            var update = JsonSerializer.Serialize(new
            {
                update_id = Interlocked.Increment(ref _updateId),
                message = new
                {
                    message_id = step + 1,
                    date = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                    chat = new { id = chatId, type = "private", first_name = "Bench" },
                    from = person,
                    text = Script.Text(user, step),
                },
            });
            await ExchangeAsync(Telegram, chatId.ToString(CultureInfo.InvariantCulture), () =>
            {
                var request = new HttpRequestMessage(HttpMethod.Post, ServiceProcess.TelegramWebhookPath)
                {
                    Content = new StringContent(update, Encoding.UTF8, "application/json"),
                };
                request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", ServiceProcess.TelegramSecret);
                return request;
            }, deadline);
        }
    }

    private async Task SmsUserAsync(int user, CancellationToken stop, CancellationToken deadline)
    {
        var phone = "+9665" + (10_000_000 + user).ToString(CultureInfo.InvariantCulture);
        for (var step = 0; !stop.IsCancellationRequested; step++)
        {
            var form = new Dictionary<string, string>
            {
                ["AccountSid"] = ServiceProcess.TwilioAccountSid,
                ["MessageSid"] = $"SM{Guid.NewGuid():N}",
                ["From"] = phone,
                ["To"] = ServiceProcess.SmsFrom,
                ["Body"] = Script.Text(user, step),
                ["NumMedia"] = "0",
            };
            var signature = Sign(ServiceProcess.PublicBaseUrl + "/twilio/messages", form);
            await ExchangeAsync(Sms, phone, () =>
            {
                var request = new HttpRequestMessage(HttpMethod.Post, "/twilio/messages") { Content = new FormUrlEncodedContent(form) };
                request.Headers.Add("X-Twilio-Signature", signature);
                return request;
            }, deadline);
        }
    }

    private async Task ExchangeAsync(Traffic traffic, string address, Func<HttpRequestMessage> request, CancellationToken deadline)
    {
        var before = traffic.Replies.Count(address);
        await PostUntilAcknowledgedAsync(request, deadline);
        traffic.Acknowledge();
        if (!await traffic.Replies.WaitForMoreThanAsync(address, before, ReplyWait, deadline)) traffic.ReplyNotSeen();
    }

    private async Task PostUntilAcknowledgedAsync(Func<HttpRequestMessage> request, CancellationToken deadline)
    {
        while (true)
        {
            await service.Up.WaitAsync(deadline);
            try
            {
                using var message = request();
                using var response = await http.SendAsync(message, deadline);
                if (response.IsSuccessStatusCode) return;
                // 4xx would be a mistake of the bench's (a bad signature or secret), which posting again cannot mend.
                if ((int)response.StatusCode < 500) throw new InvalidOperationException($"The service refused a post with {(int)response.StatusCode}.");
            }
            catch (HttpRequestException)
            {
                // Refused while the service is down, or cut off by its crash: Telegram and Twilio would deliver it again.
            }
            catch (TaskCanceledException) when (!deadline.IsCancellationRequested)
            {
                // The client's timeout.
            }
            Interlocked.Increment(ref _reposts);
            await Task.Delay(RepostDelay, deadline);
        }
    }

    /// <summary>Twilio's signature (as tests/Tamkeen.Host.Tests/TwilioTestKit.Sign): HMAC-SHA1 over the URL and the sorted form, base64.</summary>
    private static string Sign(string url, Dictionary<string, string> form)
    {
        var data = new StringBuilder(url);
        foreach (var key in form.Keys.Order(StringComparer.Ordinal)) data.Append(key).Append(form[key]);
#pragma warning disable CA5350 // Twilio signs its webhooks with HMAC-SHA1; the bench signs as Twilio does.
        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(ServiceProcess.TwilioAuthToken), Encoding.UTF8.GetBytes(data.ToString())));
#pragma warning restore CA5350
    }
}

/// <summary>One channel's load: what the service acknowledged, and the waits for a reply that ran out.</summary>
internal sealed class Traffic(Mailboxes replies)
{
    private int _acknowledged;
    private int _repliesNotSeen;

    public Mailboxes Replies => replies;

    public int Acknowledged => _acknowledged;

    public int RepliesNotSeen => _repliesNotSeen;

    public void Acknowledge() => Interlocked.Increment(ref _acknowledged);

    public void ReplyNotSeen() => Interlocked.Increment(ref _repliesNotSeen);
}

/// <summary>
/// What each person sends, over and over, each starting at another point of it so that at any moment some people are at
/// every step; every message gets exactly one reply. "٩" twice is a person who mistypes twice: two replies with the same
/// text one after the other.
/// </summary>
internal static class Script
{
    public static string Text(int user, int step) => ((user + step) % 8) switch
    {
        0 => "مرحبا",                                                     // greeting and the menu (welcome on first contact)
        1 => "٥",                                                         // suggestion or complaint
        2 => "1",                                                         // a suggestion
        3 => $"اقتراح رقم {step} من المستفيد {user}: تمديد أوقات الدوام",  // stored, thanks with its reference
        4 => "٩",                                                         // not on the menu
        5 => "٩",
        6 => "وش الاوراق المطلوبه للتسجيل",                              // answered from the guide
        _ => "القائمة",                                                   // the menu
    };
}
