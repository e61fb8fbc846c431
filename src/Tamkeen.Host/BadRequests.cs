using Microsoft.AspNetCore.Diagnostics;

namespace Tamkeen.Host;

/// <summary>Bad input in the composition: see <see cref="BadRequestHandler"/>.</summary>
public static class BadRequests
{
    public static WebApplicationBuilder AddBadRequests(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddProblemDetails();
        services.AddSingleton<BadRequestHandler>();
        services.AddSingleton<IExceptionHandler>(sp => sp.GetRequiredService<BadRequestHandler>());
        // By default a body or parameter that does not bind throws only in Development; elsewhere it gets a bare 400
        // and no log. Thrown in every environment, it reaches the handler, whose warning says why.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return builder;
    }

    public static void UseBadRequests(this WebApplication app)
    {
        app.UseExceptionHandler();
        // Some refusals come as a bare status code: the endpoints' own, and a JSON body over its endpoint's size limit,
        // which minimal APIs answer 413 without throwing.
        app.UseStatusCodePages(app.Services.GetRequiredService<BadRequestHandler>().AnswerStatusCodeAsync);
    }
}
