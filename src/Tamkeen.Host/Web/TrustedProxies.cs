using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using Tamkeen.Host.Settings;

namespace Tamkeen.Host.Web;

/// <summary>
/// Behind a reverse proxy every request comes from the proxy, over whatever the proxy uses to reach the service: the
/// chat cookie would never be Secure, and the staff console would take every visitor for this machine. The proxies
/// named in Http:ForwardedHeaders are believed about the visitor's address and scheme; nobody else is.
/// </summary>
public static class TrustedProxies
{
    public static void UseTrustedProxies(this WebApplication app)
    {
        var proxies = app.Services.GetRequiredService<IOptions<HttpOptions>>().Value.ForwardedHeaders;
        if (!proxies.Enabled) return;
        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        // ASP.NET Core believes loopback unless told otherwise; here only the proxies the settings name.
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in proxies.KnownProxies) options.KnownProxies.Add(IPAddress.Parse(proxy));
        foreach (var network in proxies.KnownNetworks) options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        app.UseForwardedHeaders(options);
    }
}
