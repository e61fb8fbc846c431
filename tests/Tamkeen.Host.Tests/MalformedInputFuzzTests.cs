using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Tamkeen.Host.Channels.Telegram;
using static Tamkeen.Host.Tests.TwilioTestKit;

namespace Tamkeen.Host.Tests;

/// <summary>
/// Bad input over real HTTP: malformed, mistyped and oversized Telegram updates, Twilio forms and web chat bodies are
/// refused with a 4xx (an authenticated Telegram update is acknowledged) and one warning; never a 5xx, an error or a
/// stack trace; nothing refused is stored, and the next good message of each channel is answered.
/// </summary>
public sealed class MalformedInputFuzzTests(MalformedInputFuzzTests.AllChannels channels) : IClassFixture<MalformedInputFuzzTests.AllChannels>
{
    private const int Seed = 20261203;
    private const int CasesPerChannel = 1000;
    private const int TelegramLimit = 1024 * 1024;
    private const int WebChatLimit = 65_536;

    [Fact]
    public async Task Thousands_of_mutated_requests_get_no_5xx_no_error_log_and_every_channel_still_answers()
    {
        await using var target = await AllChannels.StartAsync();
        var random = new Random(Seed);
        var sentSid = await target.SidOfAnsweredMessageAsync("whatsapp:+966509990009");
        var cases = new Func<(string Name, HttpRequestMessage Request)>[]
        {
            () => TelegramCase(random), () => TwilioCase(random, sentSid), () => WebChatCase(random),
        };
        var outcomes = new List<(string Case, int Status)>();
        var storedWhenRefused = new List<string>();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < CasesPerChannel * cases.Length; i++)
        {
            var (name, request) = cases[i % cases.Length]();
            // Problem details are JSON; a client that takes none must still get its status code.
            if (random.Next(8) == 0) request.Headers.Accept.ParseAdd("text/html");
            var storedBefore = await target.InboxCountAsync();
            var status = await StatusOfAsync(target.Visitor(i), request);
            outcomes.Add((name, status));
            if (status is >= 400 and < 500 && await target.InboxCountAsync() != storedBefore) storedWhenRefused.Add(name);
        }
        var elapsed = clock.Elapsed;

        await target.AssertEveryChannelAnswersAsync();
        var failures = outcomes.Where(o => o.Status is >= 500 or ConnectionBroken).ToList();
        var errors = target.Logs.Entries.Where(e => e.Level >= LogLevel.Error).ToList();
        var withException = target.Logs.Entries.Where(e => e.Exception is not null).ToList();
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{outcomes.Count} cases in {elapsed.TotalSeconds:F1} s: {failures.Count} answered 5xx, {errors.Count} error logs, "
            + $"{withException.Count} logs with an exception, {storedWhenRefused.Count} refused but stored; by status: "
            + string.Join(", ", outcomes.GroupBy(o => o.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}")));
        Assert.True(failures.Count == 0, "5xx for: " + Summary(failures.Select(f => f.Case)));
        Assert.True(errors.Count == 0, "Error logs: " + Summary(errors.Select(e => $"{e.Category}: {First(e.Message)} {e.Exception?.GetType().Name} {e.Exception?.Message} {e.Exception?.InnerException?.Message}")));
        Assert.True(withException.Count == 0, "Logs with an exception: " + Summary(withException.Select(e => e.Category + ": " + e.Exception!.GetType().Name)));
        Assert.True(storedWhenRefused.Count == 0, "Refused but stored: " + Summary(storedWhenRefused));
    }

    private const int ConnectionBroken = -1;

    private static async Task<int> StatusOfAsync(HttpClient client, HttpRequestMessage request)
    {
        // A large body waits for 100 Continue: the service may refuse it (413) before it is sent, and then closes the
        // connection, which would break the sending of the rest.
        if (request.Content?.Headers.ContentLength > 32 * 1024) request.Headers.ExpectContinue = true;
        try
        {
            using var response = await client.SendAsync(request);
            return (int)response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return ConnectionBroken;
        }
        finally
        {
            request.Dispose();
        }
    }

    private static string First(string message) => message.Split('\n')[0];

    private static string Summary(IEnumerable<string> items) =>
        string.Join("; ", items.GroupBy(i => i).OrderByDescending(g => g.Count()).Take(40).Select(g => $"{g.Key} ×{g.Count()}"));

    // ---------------------------------------------------------------- Each case on its own

    [Theory]
    [InlineData("no chat", """{"update_id":901,"message":{"message_id":1,"date":1,"from":{"id":5,"is_bot":false,"first_name":"N"},"text":"مرحبا"}}""")]
    [InlineData("an empty message", """{"update_id":902,"message":{}}""")]
    [InlineData("a contact without phone_number", """{"update_id":903,"message":{"message_id":1,"date":1,"from":{"id":5,"is_bot":false,"first_name":"N"},"chat":{"id":5,"type":"private"},"contact":{"first_name":"N","user_id":5}}}""")]
    [InlineData("a date of 2^53 + 1", """{"update_id":904,"message":{"message_id":1,"date":9007199254740993,"from":{"id":5,"is_bot":false,"first_name":"N"},"chat":{"id":5,"type":"private"},"text":"مرحبا"}}""")]
    [InlineData("a button press without its sender", """{"update_id":905,"callback_query":{"id":"c","chat_instance":"1","data":"1"}}""")]
    [InlineData("a photo size that is null", """{"update_id":906,"message":{"message_id":1,"date":1,"from":{"id":5,"is_bot":false,"first_name":"N"},"chat":{"id":5,"type":"private"},"photo":[null]}}""")]
    [InlineData("malformed JSON", """{"update_id":907,"message":{"text":"مرح""")]
    [InlineData("wrong types", """{"update_id":"908","message":[1]}""")]
    [InlineData("null", "null")]
    public async Task An_authenticated_Telegram_update_that_cannot_be_read_is_acknowledged_with_one_warning_and_not_stored(string what, string update)
    {
        await AssertRefusedAsync(what, HttpStatusCode.OK, () => channels.PostTelegramAsync(Encoding.UTF8.GetBytes(update)));
    }

    [Theory]
    [InlineData("telegram")]
    [InlineData("twilio")]
    [InlineData("web chat")]
    public async Task A_body_over_the_size_limit_is_answered_413_with_one_warning(string channel)
    {
        var tooLarge = new string('x', TelegramLimit);
        await AssertRefusedAsync(channel, HttpStatusCode.RequestEntityTooLarge, channel switch
        {
            "telegram" => () => channels.PostTelegramAsync(Encoding.UTF8.GetBytes($$"""{"update_id":910,"pad":"{{tooLarge}}"}""")),
            "twilio" => () => channels.PostTwilioAsync("/twilio/messages", Message(Person, tooLarge)),
            _ => () => channels.PostWebChatAsync(Encoding.UTF8.GetBytes($$"""{"id":"a","text":"{{tooLarge}}"}"""), "application/json"),
        });
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_Twilio_form_with_more_than_1024_fields_is_answered_400_with_one_warning(bool withSignature)
    {
        var form = Message(Person, "مرحبا");
        for (var i = 0; form.Count <= 1024; i++) form[$"Extra{i}"] = "x";
        await AssertRefusedAsync($"signed: {withSignature}", HttpStatusCode.BadRequest, () => channels.PostTwilioAsync("/twilio/messages", form, withSignature));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_Twilio_form_key_over_2048_characters_is_answered_400_with_one_warning(bool withSignature)
    {
        var form = Message(Person, "مرحبا");
        form[new string('k', 2049)] = "x";
        await AssertRefusedAsync($"signed: {withSignature}", HttpStatusCode.BadRequest, () => channels.PostTwilioAsync("/twilio/status", form, withSignature));
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/json")]
    [InlineData("multipart/form-data; boundary=b0und")]
    public async Task A_signed_Twilio_request_that_is_not_a_urlencoded_form_is_answered_415_with_one_warning(string contentType)
    {
        // Signed over no fields, so that the signature holds for a sender that reads no form from the body.
        var body = new ByteArrayContent(Encoding.UTF8.GetBytes("--b0und\r\nContent-Disposition: form-data; name=\"From\"\r\n\r\n+9665"));
        body.Headers.TryAddWithoutValidation("Content-Type", contentType);
        await AssertRefusedAsync(contentType, HttpStatusCode.UnsupportedMediaType, () => channels.PostTwilioAsync("/twilio/messages", body, signedFields: []));
    }

    [Fact]
    public async Task Signed_twilio_message_with_a_nul_character_is_stored_without_it_and_answered()
    {
        const string from = "whatsapp:+966509990002";
        var form = Message(from, "مر\0حبا");

        using (var response = await channels.PostTwilioAsync("/twilio/messages", form))
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        await using var db = channels.Service.OpenDatabase();
        Assert.Equal("مرحبا", (await db.Inbox.SingleAsync(m => m.SenderAddress == from)).Text);
        var reply = await Eventually.FoundAsync(channels.Service, d => d.Outbox.FirstOrDefaultAsync(m => m.Address == from && m.ProviderMessageId != null));
        Assert.StartsWith("مرحباً بك", reply.Text);
    }

    [Theory]
    [InlineData("telegram")]
    [InlineData("web chat")]
    public async Task A_message_with_a_nul_character_is_stored_without_it_and_answered(string channel)
    {
        var stored = await channels.InboxCountAsync();
        using var visitor = channels.Service.NewVisitor();
        using (var response = channel == "telegram"
                   ? await channels.PostTelegramAsync(Encoding.UTF8.GetBytes("""{"update_id":920,"message":{"message_id":1,"date":1,"from":{"id":920,"is_bot":false,"first_name":"N"},"chat":{"id":920,"type":"private"},"text":"مر\u0000حبا"}}"""))
                   : await visitor.PostAsync("chat/messages", new StringContent("""{"id":"a","text":"مر\u0000حبا"}""", Encoding.UTF8, "application/json")))
            Assert.True(response.IsSuccessStatusCode);

        await using var db = channels.Service.OpenDatabase();
        var received = await db.Inbox.OrderBy(m => m.Id).LastAsync();
        Assert.Equal((stored + 1, "مرحبا"), (await db.Inbox.CountAsync(), received.Text));
        var reply = await Eventually.FoundAsync(channels.Service, d => d.Outbox.FirstOrDefaultAsync(m => m.Address == received.SenderAddress));
        Assert.StartsWith("مرحباً بك", reply.Text);
    }

    [Fact]
    public async Task Status_callbacks_for_one_message_arriving_together_are_all_recorded_and_a_late_sent_does_not_hide_delivered()
    {
        var sid = await channels.SidOfAnsweredMessageAsync("whatsapp:+966509990003");
        var mark = channels.Logs.Entries.Count;

        var callbacks = Enumerable.Range(0, 40).Select(i => channels.PostTwilioAsync("/twilio/status",
            new Dictionary<string, string> { ["AccountSid"] = AccountSid, ["MessageSid"] = sid, ["MessageStatus"] = i % 3 == 0 ? "delivered" : "sent" }));
        var statuses = (await Task.WhenAll(callbacks)).Select(r => r.StatusCode);

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.DoesNotContain(channels.Logs.Entries.Skip(mark), e => e.Level >= LogLevel.Warning);
        await using var db = channels.Service.OpenDatabase();
        Assert.Equal("delivered", (await db.Outbox.SingleAsync(m => m.ProviderMessageId == sid)).ProviderStatus);
    }

    [Theory]
    [InlineData("truncated JSON", """{"id":"a","text":"مرح""", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("an id that is a number", """{"id":5,"text":"مرحبا"}""", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("a text that is an object", """{"id":"a","text":{}}""", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("an array", """[{"id":"a","text":"مرحبا"}]""", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("no body", "", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("no id", """{"text":"مرحبا"}""", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("a raw U+0000", "{\"id\":\"a\",\"text\":\"a\0b\"}", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("a form", "id=a&text=x", "application/x-www-form-urlencoded", HttpStatusCode.UnsupportedMediaType)]
    public async Task A_web_chat_message_that_cannot_be_read_is_refused_with_one_warning_and_not_stored(string what, string body, string contentType, HttpStatusCode expected)
    {
        await AssertRefusedAsync(what, expected, () => channels.PostWebChatAsync(Encoding.UTF8.GetBytes(body), contentType));
    }

    /// <summary>The answer, one warning line without a stack trace or personal data, and nothing stored.</summary>
    private async Task AssertRefusedAsync(string what, HttpStatusCode expected, Func<Task<HttpResponseMessage>> send)
    {
        var mark = channels.Logs.Entries.Count;
        var stored = await channels.InboxCountAsync();

        using (var response = await send()) Assert.True(expected == response.StatusCode, $"{what}: {response.StatusCode}");

        var warning = Assert.Single(channels.Logs.Entries.Skip(mark), e => e.Level >= LogLevel.Warning);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Null(warning.Exception);
        Assert.NotNull(warning.Template);
        Assert.DoesNotContain("501234567", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("مرح", warning.Message, StringComparison.Ordinal);
        Assert.Equal(stored, await channels.InboxCountAsync());
    }

    // ---------------------------------------------------------------- Telegram

    private static (string, HttpRequestMessage) TelegramCase(Random random)
    {
        var (name, update) = ValidTelegramUpdate(random);
        var (mutation, body, contentType) = MutateJson(random, update, TelegramLimit);
        var request = new HttpRequestMessage(HttpMethod.Post, "telegram/webhook") { Content = Bytes(body, contentType) };
        var secret = random.Next(10) switch { 0 => null, 1 => AllChannels.TelegramSecret + "x", _ => AllChannels.TelegramSecret };
        if (secret is not null) request.Headers.Add(TelegramWebhookEndpoint.SecretHeader, secret);
        return ($"telegram {name}: {mutation}{(secret == AllChannels.TelegramSecret ? "" : ", no secret")}", request);
    }

    private static long _telegramUpdateId = 500_000;

    private static (string, JsonObject) ValidTelegramUpdate(Random random)
    {
        var chat = 700_000 + random.Next(20);
        var person = new JsonObject { ["id"] = chat, ["is_bot"] = false, ["first_name"] = "Noura" };
        var privateChat = new JsonObject { ["id"] = chat, ["type"] = "private", ["first_name"] = "Noura" };
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        JsonObject Message(string kind, JsonNode content) => new()
        {
            ["message_id"] = random.Next(1, 1000), ["date"] = now, ["from"] = person, ["chat"] = privateChat, [kind] = content,
        };
        var (name, body) = random.Next(5) switch
        {
            0 => ("callback", new JsonObject
            {
                ["id"] = $"cb{random.Next()}", ["chat_instance"] = "1", ["from"] = person, ["data"] = "1@MainMenu",
                ["message"] = new JsonObject { ["message_id"] = 1, ["date"] = now, ["chat"] = privateChat, ["text"] = "…" },
            }),
            1 => ("contact", Message("contact", new JsonObject { ["phone_number"] = "966551234567", ["first_name"] = "N", ["user_id"] = chat })),
            2 => ("photo", Message("photo", new JsonArray(new JsonObject { ["file_id"] = "p", ["file_unique_id"] = "p", ["width"] = 90, ["height"] = 67 }))),
            3 => ("document", Message("document", new JsonObject { ["file_id"] = "d", ["file_unique_id"] = "d", ["file_name"] = "a.pdf", ["mime_type"] = "application/pdf" })),
            _ => ("text", Message("text", "مرحبا")),
        };
        var key = name == "callback" ? "callback_query" : "message";
        return (name, new JsonObject { ["update_id"] = Interlocked.Increment(ref _telegramUpdateId), [key] = body });
    }

    // ---------------------------------------------------------------- Twilio

    /// <param name="sentSid">A message the service sent, so that some status callbacks are about it.</param>
    private static (string, HttpRequestMessage) TwilioCase(Random random, string sentSid)
    {
        var status = random.Next(4) == 0;
        var path = status ? "/twilio/status" : "/twilio/messages";
        var fields = status ? StatusCallback(random, sentSid) : TwilioMessage(random);
        var mutations = new List<string>();
        for (var n = random.Next(1, 3); n > 0; n--) mutations.Add(MutateForm(random, fields));
        var (transport, content, signedFields) = FormTransport(random, fields);
        mutations.Add(transport);

        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        var signing = random.Next(10) switch { 0 => "unsigned", 1 => "forged", _ => "signed" };
        if (signing != "unsigned")
        {
            var parameters = signedFields.GroupBy(f => f.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => string.Join(',', g.Select(f => f.Value)), StringComparer.Ordinal);
            request.Headers.TryAddWithoutValidation("X-Twilio-Signature", signing == "signed" ? Sign(PublicBaseUrl + path, parameters) : "Zm9yZ2Vk");
        }
        return ($"twilio {(status ? "status" : "message")} {signing}: {string.Join(", ", mutations)}", request);
    }

    private static List<KeyValuePair<string, string>> TwilioMessage(Random random)
    {
        var from = random.Next(2) == 0 ? PersonOnWhatsApp : Person;
        var fields = Message(from, new[] { "مرحبا", "1", "2", "القائمة", "hello" }[random.Next(5)]).ToList();
        if (random.Next(4) == 0)
        {
            fields.RemoveAll(f => f.Key == "NumMedia");
            fields.Add(new("NumMedia", "1"));
            fields.Add(new("MediaUrl0", "http://127.0.0.1:9/media/ME0"));
            fields.Add(new("MediaContentType0", "image/jpeg"));
        }
        return fields;
    }

    private static List<KeyValuePair<string, string>> StatusCallback(Random random, string sentSid) =>
    [
        new("AccountSid", AccountSid), new("MessageSid", random.Next(2) == 0 ? sentSid : NewMessageSid()),
        new("MessageStatus", new[] { "sent", "delivered", "failed", "undelivered" }[random.Next(4)]), new("ErrorCode", "30003"),
    ];

    private static string MutateForm(Random random, List<KeyValuePair<string, string>> fields)
    {
        switch (random.Next(9))
        {
            case 0 when fields.Count > 0:
                var removed = fields[random.Next(fields.Count)];
                fields.Remove(removed);
                return $"no {removed.Key}";
            case 1 when fields.Count > 0:
                var index = random.Next(fields.Count);
                var (kind, value) = OddText(random);
                fields[index] = new(fields[index].Key, value);
                return $"{fields[index].Key} {kind}";
            case 2 when fields.Count > 0:
                var i = random.Next(fields.Count);
                fields[i] = new(fields[i].Key, fields[i].Value.Insert(random.Next(fields[i].Value.Length + 1), "\0"));
                return $"U+0000 in {fields[i].Key}";
            case 3:
                fields.Add(new(new string('k', random.Next(2_049, 3_000)), "v"));
                return "a key over 2048 characters";
            case 4:
                for (var n = random.Next(1_025 - fields.Count, 1_200); n > 0; n--) fields.Add(new($"F{n}", "v"));
                return "more than 1024 fields";
            case 5 when fields.Count > 0:
                fields.Add(new(fields[random.Next(fields.Count)].Key, "again"));
                return "a field twice";
            case 6:
                fields.Add(new("Key\0", "v"));
                return "U+0000 in a key";
            case 7:
                fields.Add(new("Big", new string('x', random.Next(60_000, 80_000))));
                return "a value near the size limit";
            default:
                return "unchanged";
        }
    }

    private static (string Kind, string Value) OddText(Random random) => random.Next(8) switch
    {
        0 => ("empty", ""),
        1 => ("U+0000", "\0"),
        2 => ("huge", new string('ع', random.Next(5_000, 40_000))),
        3 => ("negative", "-1"),
        4 => ("huge number", "9007199254740993"),
        5 => ("prefix only", "whatsapp:"),
        6 => ("control characters", "\u0001\u001b\u007f\u200f"),
        _ => ("replacement character", "\uFFFD"),
    };

    private static (string, HttpContent, IEnumerable<KeyValuePair<string, string>>) FormTransport(Random random, List<KeyValuePair<string, string>> fields)
    {
        var encoded = string.Join('&', fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value)));
        switch (random.Next(18))
        {
            case 0:
                // Signed over no fields, as a sender that does not post a form would sign.
                return ("as text/plain", Bytes(Encoding.UTF8.GetBytes(encoded), "text/plain"), []);
            case 1:
                return ("as JSON", Bytes(JsonSerializer.SerializeToUtf8Bytes(fields.GroupBy(f => f.Key).ToDictionary(g => g.Key, g => g.First().Value)), "application/json"), []);
            case 2:
                return ("without a content type", Bytes(Encoding.UTF8.GetBytes(encoded), null), []);
            case 3 when !fields.Any(f => f.Key.Contains('\0', StringComparison.Ordinal)):
                var multipart = new MultipartFormDataContent();
                foreach (var f in fields) multipart.Add(new StringContent(f.Value), f.Key);
                return ("as multipart", multipart, fields);
            case 4:
                return ("multipart without a boundary", Bytes(Encoding.UTF8.GetBytes(encoded), "multipart/form-data"), []);
            case 5:
                return ("multipart with another boundary", Multipart("b0und", "--other\r\nContent-Disposition: form-data; name=\"From\"\r\n\r\n+966\r\n--other--\r\n"), []);
            case 6:
                return ("truncated multipart", Multipart("b0und", "--b0und\r\nContent-Disposition: form-data; name=\"From\"\r\n\r\n+96650"), []);
            case 7:
                return ("multipart with a part without a name", Multipart("b0und", "--b0und\r\nContent-Type: text/plain\r\n\r\nx\r\n--b0und--\r\n"), []);
            case 8:
                return ("broken percent-encoding", Bytes(Encoding.UTF8.GetBytes(encoded + "&Body=%ZZ%C3%28&%=%%"), "application/x-www-form-urlencoded"), fields);
            default:
                return ("as a form", Bytes(Encoding.UTF8.GetBytes(encoded), "application/x-www-form-urlencoded"), fields);
        }
    }

    private static ByteArrayContent Multipart(string boundary, string body)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", $"multipart/form-data; boundary={boundary}");
        return content;
    }

    // ---------------------------------------------------------------- Web chat

    private static (string, HttpRequestMessage) WebChatCase(Random random)
    {
        var message = new JsonObject { ["id"] = Guid.NewGuid().ToString("N"), ["text"] = "مرحبا", ["payload"] = random.Next(3) == 0 ? "1@MainMenu" : null };
        var (mutation, body, contentType) = MutateJson(random, message, WebChatLimit);
        return ($"web chat: {mutation}", new HttpRequestMessage(HttpMethod.Post, "chat/messages") { Content = Bytes(body, contentType) });
    }

    // ---------------------------------------------------------------- JSON mutations

    /// <summary>One to three changes of a value or field, or one change to the text as sent, or to its content type.</summary>
    private static (string Mutation, byte[] Body, string? ContentType) MutateJson(Random random, JsonObject valid, int limit)
    {
        var mutations = new List<string>();
        for (var n = random.Next(1, 4); n > 0; n--) mutations.Add(MutateNode(random, valid));
        var text = valid.ToJsonString();
        var body = Encoding.UTF8.GetBytes(text);
        var contentType = "application/json";
        switch (random.Next(14))
        {
            case 0:
                body = body[..random.Next(body.Length)];
                mutations.Add("truncated");
                break;
            case 1:
                body = Encoding.UTF8.GetBytes(text.Insert(random.Next(1, text.Length), "\0"));
                mutations.Add("a raw U+0000");
                break;
            case 2:
                body = [.. body[..(body.Length / 2)], 0xC3, 0x28, .. body[(body.Length / 2)..]];
                mutations.Add("invalid UTF-8");
                break;
            case 3:
                body = Encoding.UTF8.GetBytes(new string('[', 200) + new string(']', 200));
                mutations.Add("nested 200 deep");
                break;
            case 4:
                body = Encoding.UTF8.GetBytes($$"""{"pad":"{{new string('x', limit)}}",{{text[1..]}}""");
                mutations.Add("over the size limit");
                break;
            case 5:
                body = [];
                mutations.Add("empty body");
                break;
            case 6:
                contentType = new[] { "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", null }[random.Next(4)];
                mutations.Add($"as {contentType ?? "no content type"}");
                break;
            case 7:
                body = Encoding.UTF8.GetBytes(new[] { "null", "[]", "\"text\"", "42", "{}", "{\"a\":1,\"a\":2}", "<xml/>" }[random.Next(7)]);
                mutations.Add("another document");
                break;
        }
        return (string.Join(", ", mutations), body, contentType);
    }

    private static string MutateNode(Random random, JsonObject root)
    {
        var places = Places(root).ToList();
        if (places.Count == 0) return "nothing left";
        var (parent, key, index) = places[random.Next(places.Count)];
        var name = key ?? $"[{index}]";
        switch (random.Next(3))
        {
            case 0:
                if (parent is JsonObject removeFrom) removeFrom.Remove(key!);
                else ((JsonArray)parent).RemoveAt(index);
                return $"no {name}";
            case 1:
                var (kind, value) = OddValue(random);
                if (parent is JsonObject setIn) setIn[key!] = value;
                else ((JsonArray)parent)[index] = value;
                return $"{name} {kind}";
            default:
                var current = parent is JsonObject o ? o[key!] : ((JsonArray)parent)[index];
                var withNul = (current is JsonValue v && v.TryGetValue<string>(out var s) ? s : "x").Insert(0, "a\0");
                if (parent is JsonObject nulIn) nulIn[key!] = withNul;
                else ((JsonArray)parent)[index] = withNul;
                return $"U+0000 in {name}";
        }
    }

    private static IEnumerable<(JsonNode Parent, string? Key, int Index)> Places(JsonNode node)
    {
        if (node is JsonObject obj)
        {
            foreach (var (key, child) in obj.ToList())
            {
                yield return (obj, key, -1);
                if (child is not null) foreach (var place in Places(child)) yield return place;
            }
        }
        else if (node is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                yield return (array, null, i);
                if (array[i] is { } child) foreach (var place in Places(child)) yield return place;
            }
        }
    }

    private static (string Kind, JsonNode? Value) OddValue(Random random) => random.Next(13) switch
    {
        0 => ("null", null),
        1 => ("true", JsonValue.Create(true)),
        2 => ("empty", JsonValue.Create("")),
        3 => ("2^53 + 1", JsonNode.Parse("9007199254740993")),
        4 => ("below long", JsonNode.Parse("-9223372036854775809")),
        5 => ("1e400", JsonNode.Parse("1e400")),
        6 => ("-1", JsonValue.Create(-1)),
        7 => ("3.5", JsonValue.Create(3.5)),
        8 => ("an array", new JsonArray(1, "a")),
        9 => ("an object", new JsonObject { ["x"] = 1 }),
        10 => ("a number as text", JsonValue.Create("12")),
        11 => ("long text", JsonValue.Create(new string('ع', random.Next(1_000, 20_000)))),
        _ => ("U+0000", JsonValue.Create("\0")),
    };

    private static ByteArrayContent Bytes(byte[] body, string? contentType)
    {
        var content = new ByteArrayContent(body);
        if (contentType is not null) content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    /// <summary>The whole service with every channel on: Telegram by webhook (fake Bot API), Twilio (fake API), web chat.</summary>
    public sealed class AllChannels : IAsyncLifetime
    {
        public const string TelegramSecret = "fuzz-secret_0123456789";

        private readonly HttpClient[] _visitors = new HttpClient[4];
        private TelegramFakeBotApi _telegram = null!;
        private TwilioFakeApi _twilio = null!;

        public RunningService Service { get; private set; } = null!;
        public CapturedLogs Logs { get; } = new();

        public static async Task<AllChannels> StartAsync()
        {
            var channels = new AllChannels();
            await channels.InitializeAsync();
            return channels;
        }

        public async ValueTask InitializeAsync()
        {
            _telegram = await TelegramFakeBotApi.StartAsync();
            _twilio = await TwilioFakeApi.StartAsync();
            Service = await RunningService.StartAsync(services: Logs.Register, settings:
            [
                $"--Telegram:BotToken={TelegramFakeBotApi.Token}",
                $"--Telegram:ApiBaseUrl={_telegram.Address}",
                "--Telegram:WebhookUrl=https://tamkeen.example/telegram/webhook",
                $"--Telegram:SecretToken={TelegramSecret}",
                .. TwilioSettings(_twilio.BaseAddress),
                // Replies to the fuzz's accepted messages must not hold up the last good ones.
                "--Dispatch:Telegram:PerSecond=10000", "--Dispatch:Telegram:PerRecipientPerSecond=0",
                "--Dispatch:WhatsApp:PerSecond=10000", "--Dispatch:Sms:PerSecond=10000",
            ]);
            for (var i = 0; i < _visitors.Length; i++) _visitors[i] = Service.NewVisitor();
        }

        /// <summary>Posts an update as Telegram does, and runs the method its answer carries, if any, as Telegram does.</summary>
        public async Task<HttpResponseMessage> PostTelegramAsync(byte[] update)
        {
            var answer = await DeliverAsync(new HttpRequestMessage(HttpMethod.Post, "telegram/webhook")
            {
                Content = Bytes(update, "application/json"), Headers = { { TelegramWebhookEndpoint.SecretHeader, TelegramSecret } },
            });
            await answer.Content.LoadIntoBufferAsync();
            await _telegram.RunAnswerAsync(answer);
            return answer;
        }

        /// <summary>Posts a form as Twilio does, signed unless told not to.</summary>
        public Task<HttpResponseMessage> PostTwilioAsync(string path, IReadOnlyCollection<KeyValuePair<string, string>> form, bool withSignature = true) =>
            PostTwilioAsync(path, new FormUrlEncodedContent(form), withSignature ? form.ToDictionary() : null);

        public Task<HttpResponseMessage> PostTwilioAsync(string path, HttpContent content, Dictionary<string, string>? signedFields)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
            if (signedFields is not null) request.Headers.Add("X-Twilio-Signature", Sign(PublicBaseUrl + path, signedFields));
            return DeliverAsync(request);
        }

        public Task<HttpResponseMessage> PostWebChatAsync(byte[] body, string contentType) =>
            DeliverAsync(new HttpRequestMessage(HttpMethod.Post, "chat/messages") { Content = Bytes(body, contentType) });

        private async Task<HttpResponseMessage> DeliverAsync(HttpRequestMessage request)
        {
            using (request)
            {
                request.Headers.ExpectContinue = true;
                return await Visitor(0).SendAsync(request);
            }
        }

        /// <summary>One of a few web chat visitors (Telegram and Twilio ignore the cookie).</summary>
        public HttpClient Visitor(int i) => _visitors[i % _visitors.Length];

        public async Task<int> InboxCountAsync()
        {
            await using var db = Service.OpenDatabase();
            return await db.Inbox.CountAsync();
        }

        public async Task<string> SidOfAnsweredMessageAsync(string from)
        {
            await SendAsync(Service, from, "مرحبا");
            var reply = await Eventually.FoundAsync(Service, db => db.Outbox.FirstOrDefaultAsync(m => m.Address == from && m.ProviderMessageId != null));
            return reply.ProviderMessageId!;
        }

        public async Task AssertEveryChannelAnswersAsync()
        {
            const long chat = 790_001;
            var greeting = JsonSerializer.SerializeToUtf8Bytes(new
            {
                update_id = Interlocked.Increment(ref _telegramUpdateId),
                message = new
                {
                    message_id = 1, date = DateTimeOffset.UtcNow.ToUnixTimeSeconds(), text = "مرحبا",
                    from = new { id = chat, is_bot = false, first_name = "Noura" }, chat = new { id = chat, type = "private" },
                },
            });
            using (var response = await PostTelegramAsync(greeting)) Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await SidOfAnsweredMessageAsync("whatsapp:+966509990001");
            using var visitor = Service.NewVisitor();
            Assert.Equal("accepted", await visitor.SendAsync("مرحبا"));

            await Eventually.UntilAsync(() => _telegram.CallsOf("sendMessage").Any(m => m["chat_id"]?.GetValue<long>() == chat), "the Telegram reply");
            await Eventually.UntilAsync(async () => (await visitor.GetStringAsync("chat/history")).Contains("\"bot\"", StringComparison.Ordinal), "the web chat reply");
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var visitor in _visitors) visitor?.Dispose();
            await Service.DisposeAsync();
            await _twilio.DisposeAsync();
            await _telegram.DisposeAsync();
        }
    }
}
