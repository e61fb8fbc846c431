using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Tamkeen.Host.Tests;

/// <summary>The outgoing case webhook, posted to a receiver on loopback that checks the signature as a real one would.</summary>
public class CaseWebhookTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Secret = "a webhook secret of some length";

    private sealed record Delivery(string Id, string Body, bool SignatureValid);

    /// <summary>Answers 500 to the first <paramref name="failFirst"/> posts, then 200.</summary>
    private sealed class Receiver : IDisposable
    {
        private readonly HttpListener _listener = new();
        private int _failures;

        public ConcurrentQueue<Delivery> Received { get; } = new();
        public Uri Address { get; }

        public Receiver(int failFirst)
        {
            _failures = failFirst;
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            Address = new Uri($"http://127.0.0.1:{port}/case-alerts/");
            _listener.Prefixes.Add(Address.ToString());
            _listener.Start();
            _ = Task.Run(ServeAsync);
        }

        private async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try { context = await _listener.GetContextAsync(); }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException) { return; }
                using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
                var body = await reader.ReadToEndAsync();
                var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(body)));
                var signature = context.Request.Headers["X-Tamkeen-Signature"] ?? "";
                var valid = CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature));
                if (Interlocked.Decrement(ref _failures) >= 0) context.Response.StatusCode = 500;
                else
                {
                    Received.Enqueue(new Delivery(context.Request.Headers["X-Tamkeen-Delivery"]!, body, valid));
                    context.Response.StatusCode = valid ? 200 : 401;
                }
                context.Response.Close();
            }
        }

        public void Dispose() => _listener.Close();
    }

    [Fact]
    public async Task Each_case_entry_is_posted_signed_without_the_persons_words_id_number_or_phone_and_a_failed_post_is_tried_again()
    {
        using var receiver = new Receiver(failFirst: 1);
        var time = WebChatCases.WorkingHours();
        await using var service = await RunningService.StartAsync(null, time, null,
            $"--Handoff:AlertWebhookUrl={receiver.Address}", $"--Handoff:AlertWebhookSecret={Secret}");
        using var visitor = service.NewVisitor();
        await WebChatCases.AskForStaffAsync(service, visitor, "رقم هويتي 1012345678 وجوالي 0551234567");

        // The first post failed: the notice timer fires again after the scheduler's backoff.
        for (var i = 0; i < 20 && receiver.Received.Count < 2; i++)
        {
            time.Advance(TimeSpan.FromMinutes(1));
            await service.WaitUntilIdleAsync();
            await Task.Delay(50, Ct); // the listener's own thread answers; the service is idle already
        }
        Assert.Equal(2, receiver.Received.Select(d => d.Id).Distinct().Count());
        Assert.All(receiver.Received, d => Assert.True(d.SignatureValid, "The receiver must find the signature right."));
        await using var db = service.OpenDatabase();
        var staffCase = await db.Cases.SingleAsync(Ct);
        var keys = await db.CaseEntries.OrderBy(e => e.Id).Select(e => e.NoticeKey).ToListAsync(Ct);
        Assert.Equal(keys.Select(k => k.ToString("N")).Order(), receiver.Received.Select(d => d.Id).Distinct().Order());

        var opened = receiver.Received.Select(d => JsonDocument.Parse(d.Body).RootElement)
            .Single(b => b.GetProperty("entry").GetProperty("kind").GetString() == "Opened");
        Assert.Equal(staffCase.Reference, opened.GetProperty("reference").GetString());
        Assert.Equal(("AskedForPerson", false, "WebChat", "Open"), (opened.GetProperty("reason").GetString(), opened.GetProperty("urgent").GetBoolean(),
            opened.GetProperty("channel").GetString(), opened.GetProperty("status").GetString()));
        foreach (var body in receiver.Received.Select(d => d.Body))
        {
            Assert.DoesNotContain("1012345678", body);
            Assert.DoesNotContain("0551234567", body);
            Assert.DoesNotContain("رقم هويتي", Regex(body));
        }
    }

    private static string Regex(string json) => System.Text.RegularExpressions.Regex.Unescape(json);
}
