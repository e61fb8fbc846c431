using Telegram.Bot;
using Telegram.Bot.Types;
using Tamkeen.Core.Conversations;
using Tamkeen.Host.Messaging;

namespace Tamkeen.Host.Channels.Telegram;

/// <summary>Keeps the photo (largest size) or document of a message, or records why it was not kept.</summary>
public sealed class TelegramAttachments(TelegramBot telegram, AttachmentStore store, ILogger<TelegramAttachments> logger)
{
    /// <summary>What an attachment's Url holds when the download failed: the file can still be fetched by its id.</summary>
    public const string FileIdPrefix = "telegram-file:";

    public async Task<IReadOnlyList<Attachment>> KeepAsync(Message message, CancellationToken cancellationToken)
    {
        var (file, contentType) = message switch
        {
            { Photo: { Length: > 0 } sizes } => ((FileBase)sizes.MaxBy(p => (long)p.Width * p.Height)!, "image/jpeg"),
            { Document: { } document } => (document, document.MimeType ?? "application/octet-stream"),
            _ => (null, ""),
        };
        if (file is null) return [];
        var reference = FileIdPrefix + file.FileId;
        if (file.FileSize > store.MaxBytes) return [AttachmentStore.TooLarge(contentType, reference)];
        try
        {
            var info = await telegram.Client().GetFile(file.FileId, cancellationToken);
            if (info.FilePath is null) throw new InvalidOperationException("getFile gave no file_path");
            using var response = await telegram.Http().GetAsync(telegram.FileUrl(info.FilePath), HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            response.EnsureSuccessStatusCode();
            await using var content = await response.Content.ReadAsStreamAsync(cancellationToken);
            return [await store.SaveAsync(content, contentType, reference, cancellationToken)];
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // The message matters more than the file: it is kept with the file id, which staff can fetch later.
            logger.LogWarning("Telegram: could not download a {ContentType} file ({Error}); kept its file id instead", contentType, e.Message);
            return [new Attachment(contentType, reference)];
        }
    }
}
