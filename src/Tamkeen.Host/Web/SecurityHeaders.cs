using Microsoft.Extensions.Options;
using Tamkeen.Host.Settings;

namespace Tamkeen.Host.Web;

/// <summary>
/// The headers on every response, pages, API and files alike: a page may run and load only this service's own files
/// and addresses (no inline script, so markup slipped into a page cannot run), only the sites in Http:FrameAncestors
/// may frame it, a file is taken as the type it is sent as, and no address of ours is passed on as a referrer.
/// </summary>
public sealed class SecurityHeaders
{
    private readonly RequestDelegate _next;
    private readonly string _policy;
    private readonly Func<object, Task> _addHeaders;

    public SecurityHeaders(RequestDelegate next, IOptions<HttpOptions> options)
    {
        _next = next;
        _policy = "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
                  + $"frame-ancestors {options.Value.FrameAncestors}";
        _addHeaders = AddHeaders;
    }

    public Task InvokeAsync(HttpContext context)
    {
        // Added when the response starts, so one the framework clears and rewrites (an error page) carries them too.
        context.Response.OnStarting(_addHeaders, context.Response);
        return _next(context);
    }

    private Task AddHeaders(object response)
    {
        var headers = ((HttpResponse)response).Headers;
        headers.ContentSecurityPolicy = _policy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        return Task.CompletedTask;
    }
}
