using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tamkeen.Core.Conversations;
using Tamkeen.Host.Data;
using Tamkeen.Host.Messaging;
using Tamkeen.Host.Settings;

namespace Tamkeen.Host.Channels.Twilio;

/// <summary>
/// Downloads the photos and documents of an inbound message (MediaUrl0…, with the account's credentials) into the
/// attachment store. A download that fails or takes too long keeps Twilio's media URL as the attachment instead, so
/// the message is never lost; staff can still open it at Twilio.
/// </summary>
public sealed class TwilioMedia(
    IHttpClientFactory httpFactory,
    AttachmentStore store,
    IDbContextFactory<TamkeenDb> dbFactory,
    IOptions<TwilioOptions> options,
    TimeProvider time,
    ILogger<TwilioMedia> logger)
{
    public const string HttpClientName = "TwilioMedia";

    /// <summary>Twilio sends at most ten files with one message.</summary>
    private const int MaxFiles = 10;

    public async Task<IReadOnlyList<Attachment>> DownloadAsync(IFormCollection form, Channel channel, string messageSid, CancellationToken cancellationToken)
    {
        if (!int.TryParse(form["NumMedia"], out var count) || count <= 0) return [];
        // A repeated delivery is dropped by the inbox anyway; checking first keeps its files from being stored twice.
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            if (await db.Inbox.AnyAsync(m => m.Channel == channel && m.ChannelMessageId == messageSid, cancellationToken)) return [];
        }

        using var timeout = new CancellationTokenSource(options.Value.MediaDownloadTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var attachments = new List<Attachment>();
        for (var i = 0; i < Math.Min(count, MaxFiles); i++)
        {
            var url = form[$"MediaUrl{i}"].ToString();
            if (url.Length == 0) continue;
            var contentType = form[$"MediaContentType{i}"].ToString() is { Length: > 0 } type ? type : "application/octet-stream";
            attachments.Add(await DownloadOneAsync(url, contentType, linked.Token, cancellationToken));
        }
        return attachments;
    }

    private async Task<Attachment> DownloadOneAsync(string url, string contentType, CancellationToken token, CancellationToken requestAborted)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            // Twilio may redirect to its file storage; HttpClient drops this header on a redirect, as that storage wants.
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.Value.AccountSid}:{options.Value.AuthToken}")));
            using var response = await httpFactory.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token);
            response.EnsureSuccessStatusCode();
            if (response.Content.Headers.ContentLength > store.MaxBytes) return AttachmentStore.TooLarge(contentType, url);
            await using var content = await response.Content.ReadAsStreamAsync(token);
            return await store.SaveAsync(content, contentType, url, token);
        }
        catch (Exception e) when (!requestAborted.IsCancellationRequested)
        {
            logger.LogWarning("Downloading a Twilio media file failed ({Error}); kept Twilio's URL instead", e.GetType().Name);
            return new Attachment(contentType, url);
        }
    }
}
