using Microsoft.AspNetCore.Diagnostics;

namespace Tamkeen.Host;

/// <summary>
/// Input the service cannot read (a body over its limit, not the content type an endpoint takes, JSON or a form that
/// does not parse or bind) is the sender's mistake, not the service's: it gets its 4xx as problem details and one
/// warning line, with neither a stack trace nor the input, which may be personal.
/// </summary>
public sealed class BadRequestHandler(IProblemDetailsService problems, ILogger<BadRequestHandler> logger) : IExceptionHandler
{
    /// <summary>Only for <see cref="BadHttpRequestException"/>; any other exception stays a 500 and an error.</summary>
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad) return false;
        var request = httpContext.Request;
        logger.LogWarning("Refused {Method} {Path} with {StatusCode}: {Reason}", request.Method, request.Path, bad.StatusCode, bad.Message);
        httpContext.Response.StatusCode = bad.StatusCode;
        // A client that accepts no JSON gets the bare status code.
        await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = { Detail = bad.Message } });
        return true;
    }

    /// <summary>For UseStatusCodePages: a bare 400, 413 or 415 gets its problem details and its warning.</summary>
    public async Task AnswerStatusCodeAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        // 401, 403 and 404 refuse who is calling or where, not what was sent; their endpoints log what needs logging.
        if (http.Response.StatusCode is not (StatusCodes.Status400BadRequest or StatusCodes.Status413PayloadTooLarge or StatusCodes.Status415UnsupportedMediaType))
            return;
        logger.LogWarning("Refused {Method} {Path} with {StatusCode}", http.Request.Method, http.Request.Path, http.Response.StatusCode);
        await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http });
    }
}
