using Tamkeen.Core.Conversations;
using Tamkeen.Host.Messaging;

namespace Tamkeen.Host.Handoff;

/// <summary>
/// The one file a staff member may attach to a reply in the console: a photo or a PDF, within the attachment size limit,
/// kept with the people's attachments so every channel sender finds it the same way.
/// </summary>
public sealed class StaffReplyFile(AttachmentStore store)
{
    public const string FieldName = "reply-file";
    public const string Accept = "image/jpeg,image/png,application/pdf";

    private static readonly HashSet<string> Allowed = new(Accept.Split(','), StringComparer.OrdinalIgnoreCase);

    public abstract record Outcome;
    public sealed record None : Outcome;
    public sealed record Kept(Attachment Attachment) : Outcome;
    public sealed record Refused(bool TooLarge) : Outcome;

    public long MaxMegabytes => store.MaxBytes / (1024 * 1024);

    public async Task<Outcome> KeepAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType || (await request.ReadFormAsync(cancellationToken)).Files.GetFile(FieldName) is not { Length: > 0 } upload)
            return new None();
        if (!Allowed.Contains(upload.ContentType)) return new Refused(TooLarge: false);
        if (upload.Length > store.MaxBytes) return new Refused(TooLarge: true);
        await using var content = upload.OpenReadStream();
        var kept = await store.SaveAsync(content, upload.ContentType, "staff-upload", cancellationToken);
        return kept.TooLarge ? new Refused(TooLarge: true) : new Kept(kept);
    }
}
