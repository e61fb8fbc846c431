using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Tamkeen.Host.Handoff;

/// <summary>
/// Posts each announced case entry to Handoff:AlertWebhookUrl as JSON signed with Handoff:AlertWebhookSecret
/// (<c>X-Tamkeen-Signature: sha256=&lt;hex&gt;</c>); <c>X-Tamkeen-Delivery</c> is the entry's notice key, the same on a
/// repeat. Facts only: no message text, no name, no contact.
/// </summary>
public sealed class CaseWebhook(IHttpClientFactory clients, IOptions<HandoffOptions> options, TimeProvider time, ILogger<CaseWebhook> logger) : ICaseAlerter
{
    public const string ClientName = "case-webhook";

    /// <summary>
    /// A failed post throws, so the notice timer fires again with the scheduler's backoff; past this age the entry is
    /// dropped (and logged) instead, so a receiver that stays down does not hold back the alerters announced after it.
    /// </summary>
    public static readonly TimeSpan GiveUpAfter = TimeSpan.FromDays(1);

    public async Task AnnounceAsync(StaffCase staffCase, CaseEntry entry, CancellationToken cancellationToken)
    {
        if (options.Value.AlertWebhookUrl is not { Length: > 0 } url) return;
        var body = JsonSerializer.SerializeToUtf8Bytes(new
        {
            delivery = entry.NoticeKey,
            reference = staffCase.Reference,
            reason = staffCase.Reason.ToString(),
            urgent = staffCase.Urgent,
            channel = staffCase.Channel.ToString(),
            status = staffCase.Status.ToString(),
            entry = new { kind = entry.Kind.ToString(), at = entry.At, by = entry.By },
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json") { CharSet = "utf-8" };
        request.Headers.Add("X-Tamkeen-Signature", Signature(body, options.Value.AlertWebhookSecret!));
        request.Headers.Add("X-Tamkeen-Delivery", entry.NoticeKey.ToString("N"));
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, cancellationToken);
            response.EnsureSuccessStatusCode();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested
                                  && time.GetUtcNow() - entry.At > GiveUpAfter)
        {
            logger.LogError(e, "Case webhook: gave up on entry {Delivery} of case {Reference}, failing since {At}", entry.NoticeKey, staffCase.Reference, entry.At);
        }
    }

    public static string Signature(byte[] body, string secret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
}
