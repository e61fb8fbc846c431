using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using Tamkeen.Host.Settings;
using Twilio.Security;

namespace Tamkeen.Host.Channels.Twilio;

/// <summary>
/// Reads Twilio's form and refuses (403) any webhook call without Twilio's valid X-Twilio-Signature. The signature
/// covers the URL as Twilio called it, so it is checked against Twilio:PublicBaseUrl + path + query, not the address
/// this process sees behind a proxy or tunnel. The endpoints read the form it read (HttpRequest.Form).
/// </summary>
public sealed class TwilioSignatureFilter(IOptions<TwilioOptions> options, IOptions<FormOptions> formOptions, ILogger<TwilioSignatureFilter> logger)
    : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        var form = await ReadFormAsync(request, context.HttpContext.RequestAborted);
        var url = options.Value.PublicRoot + request.PathBase + request.Path + request.QueryString;
        var signature = request.Headers["X-Twilio-Signature"].ToString();
        // One validator per call: it holds an HMAC instance, which is not safe to share between threads.
        if (signature.Length > 0 && new RequestValidator(options.Value.AuthToken).Validate(url, form.ToDictionary(p => p.Key, p => p.Value.ToString()), signature))
        {
            request.Form = new FormCollection(form);
            return await next(context);
        }

        logger.LogWarning("Refused a call to {Path} without a valid Twilio signature", request.Path);
        return Results.StatusCode(StatusCodes.Status403Forbidden);
    }

    /// <summary>
    /// Reads the form with FormReader, under the same FormOptions limits as the request's own form reader, which
    /// refuses %00: a message Twilio signed with U+0000 in it would be refused, and lost.
    /// </summary>
    private async Task<Dictionary<string, StringValues>> ReadFormAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !type.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
            throw new BadHttpRequestException("Twilio posts application/x-www-form-urlencoded.", StatusCodes.Status415UnsupportedMediaType);
        var limits = formOptions.Value;
        using var reader = new FormReader(request.Body)
        {
            ValueCountLimit = limits.ValueCountLimit, KeyLengthLimit = limits.KeyLengthLimit, ValueLengthLimit = limits.ValueLengthLimit,
        };
        try
        {
            return await reader.ReadFormAsync(cancellationToken);
        }
        catch (InvalidDataException e)
        {
            throw new BadHttpRequestException(e.Message, e);
        }
    }
}
