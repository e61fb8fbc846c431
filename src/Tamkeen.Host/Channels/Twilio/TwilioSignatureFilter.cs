using Microsoft.Extensions.Options;
using Tamkeen.Host.Settings;
using Twilio.Security;

namespace Tamkeen.Host.Channels.Twilio;

/// <summary>
/// Refuses (403) any webhook call without Twilio's valid X-Twilio-Signature. The signature covers the URL as Twilio
/// called it, so it is checked against Twilio:PublicBaseUrl + path + query, not the address this process sees
/// behind a proxy or tunnel.
/// </summary>
public sealed class TwilioSignatureFilter(IOptions<TwilioOptions> options, ILogger<TwilioSignatureFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        var url = options.Value.PublicRoot + request.PathBase + request.Path + request.QueryString;
        var parameters = request.HasFormContentType
            ? (await request.ReadFormAsync(context.HttpContext.RequestAborted)).ToDictionary(p => p.Key, p => p.Value.ToString())
            : [];
        var signature = request.Headers["X-Twilio-Signature"].ToString();
        // One validator per call: it holds an HMAC instance, which is not safe to share between threads.
        if (signature.Length > 0 && new RequestValidator(options.Value.AuthToken).Validate(url, parameters, signature))
            return await next(context);

        logger.LogWarning("Refused a call to {Path} without a valid Twilio signature", request.Path);
        return Results.StatusCode(StatusCodes.Status403Forbidden);
    }
}
