using System.ComponentModel.DataAnnotations;

namespace Tamkeen.Host.Settings;

/// <summary>Where photos and documents sent by beneficiaries are kept, and the largest one taken.</summary>
public sealed class AttachmentOptions
{
    public const string Section = "Attachments";

    [Required(AllowEmptyStrings = false, ErrorMessage = "Attachments:Path must name a folder.")]
    public string Path { get; set; } = "data/attachments";

    [Range(1, 100, ErrorMessage = "Attachments:MaxMegabytes must be between 1 and 100.")]
    public int MaxMegabytes { get; set; } = 10;

    public long MaxBytes => MaxMegabytes * 1024L * 1024L;
}
