using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Tamkeen.Host.Settings;

/// <summary>How requests that come through a reverse proxy are read, and who may show the service's pages in a frame.</summary>
public sealed class HttpOptions : IValidatableObject
{
    public const string Section = "Http";

    public ProxyOptions ForwardedHeaders { get; set; } = new();

    /// <summary>The Content-Security-Policy frame-ancestors sources: printable ASCII words, none with a ";" or "," that would add to or split the policy.</summary>
    [RegularExpression(@"^[\x21-\x2B\x2D-\x3A\x3C-\x7E]+( [\x21-\x2B\x2D-\x3A\x3C-\x7E]+)*$",
        ErrorMessage = "Http:FrameAncestors must be sources separated by spaces, such as 'none', 'self' or https://www.example.org (without ; or ,).")]
    [Required(ErrorMessage = "Http:FrameAncestors must be set; 'none' lets no site frame the chat.")]
    public string FrameAncestors { get; set; } = "'none'";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var proxy in ForwardedHeaders.KnownProxies.Where(p => !IPAddress.TryParse(p, out _)))
            yield return new ValidationResult($"Http:ForwardedHeaders:KnownProxies: '{proxy}' is not an IP address.", [nameof(ForwardedHeaders)]);
        foreach (var network in ForwardedHeaders.KnownNetworks.Where(n => !IPNetwork.TryParse(n, out _)))
            yield return new ValidationResult($"Http:ForwardedHeaders:KnownNetworks: '{network}' is not a network such as 10.0.0.0/8.", [nameof(ForwardedHeaders)]);
    }

    /// <summary>The reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed; none (the default) believes nobody.</summary>
    public sealed class ProxyOptions
    {
        public List<string> KnownProxies { get; set; } = [];
        public List<string> KnownNetworks { get; set; } = [];

        public bool Enabled => KnownProxies.Count > 0 || KnownNetworks.Count > 0;
    }
}
