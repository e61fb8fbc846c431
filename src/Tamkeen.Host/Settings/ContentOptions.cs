using System.ComponentModel.DataAnnotations;

namespace Tamkeen.Host.Settings;

public sealed class ContentOptions
{
    public const string Section = "Content";

    /// <summary>Folder with texts/ and commands.json; relative paths start at the application folder.</summary>
    [Required(ErrorMessage = "Content:Path must name the content folder.")]
    public string Path { get; set; } = "content";
}
