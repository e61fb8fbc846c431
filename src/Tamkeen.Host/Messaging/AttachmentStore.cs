using Microsoft.Extensions.Options;
using Tamkeen.Core.Conversations;
using Tamkeen.Host.Settings;

namespace Tamkeen.Host.Messaging;

/// <summary>
/// Keeps the photos and documents beneficiaries send, as files under <see cref="AttachmentOptions.Path"/>; the attachment's
/// Url is the file's path relative to that folder. Anything above the size limit is not kept and comes back marked TooLarge.
/// </summary>
public sealed class AttachmentStore(IOptions<AttachmentOptions> options, TimeProvider time)
{
    private readonly string _folder = Path.GetFullPath(options.Value.Path);

    public long MaxBytes => options.Value.MaxBytes;

    /// <summary>The folder the files are kept in, ending with a separator: every stored file's full path starts with it.</summary>
    public string Folder => Path.EndsInDirectorySeparator(_folder) ? _folder : _folder + Path.DirectorySeparatorChar;

    /// <summary>For a file the channel already says is too large: nothing is downloaded.</summary>
    public static Attachment TooLarge(string contentType, string channelReference) => new(contentType, channelReference, TooLarge: true);

    /// <param name="channelReference">What the channel calls the file, kept when it is refused (e.g. a Telegram file id).</param>
    public async Task<Attachment> SaveAsync(Stream content, string contentType, string channelReference, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var relative = Path.Combine(now.ToString("yyyy", System.Globalization.CultureInfo.InvariantCulture),
            now.ToString("MM", System.Globalization.CultureInfo.InvariantCulture), Guid.NewGuid().ToString("N") + Extension(contentType));
        var path = Path.Combine(_folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        bool tooLarge;
        try
        {
            tooLarge = await CopyAsync(content, path, cancellationToken);
        }
        catch
        {
            // A download cut off (timeout, lost connection) leaves no partial file behind.
            File.Delete(path);
            throw;
        }
        if (!tooLarge) return new Attachment(contentType, relative.Replace('\\', '/'));
        File.Delete(path);
        return TooLarge(contentType, channelReference);
    }

    /// <returns>True when the content went over the limit; the copy then stops.</returns>
    private async Task<bool> CopyAsync(Stream content, string path, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
            if (total > MaxBytes) return true;
            await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
        return false;
    }

    public string FullPath(Attachment attachment) => Path.GetFullPath(Path.Combine(_folder, attachment.Url));

    /// <summary>
    /// The kept file of an attachment, to serve: null when it was not kept (too large), is missing, or its stored path
    /// would lead out of the attachments folder.
    /// </summary>
    public string? KeptFile(Attachment attachment)
    {
        if (attachment.TooLarge) return null;
        var path = FullPath(attachment);
        return path.StartsWith(Folder, StringComparison.Ordinal) && File.Exists(path) ? path : null;
    }

    private static string Extension(string contentType) => contentType.Split(';')[0].Trim().ToLowerInvariant() switch
    {
        "image/jpeg" => ".jpg",
        "image/png" => ".png",
        "image/webp" => ".webp",
        "application/pdf" => ".pdf",
        "audio/ogg" => ".ogg",
        "video/mp4" => ".mp4",
        _ => ".bin",
    };
}
