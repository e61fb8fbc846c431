using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Tamkeen.Host;
using Tamkeen.Host.Data;
using Xunit;

namespace Tamkeen.Host.Tests;

/// <summary>The real service on a loopback port over a real SQLite file, as `dotnet run` starts it.</summary>
public sealed class RunningService : IAsyncDisposable
{
    private readonly WebApplication _app;

    public Uri BaseAddress { get; }
    public IServiceProvider Services => _app.Services;
    public string DatabaseFile { get; }

    private RunningService(WebApplication app, Uri baseAddress, string databaseFile)
    {
        _app = app;
        BaseAddress = baseAddress;
        DatabaseFile = databaseFile;
    }

    public static string NewDatabaseFile() =>
        Path.Combine(Path.GetTempPath(), "tamkeen-tests", Guid.NewGuid().ToString("N"), "tamkeen.db");

    public static async Task<RunningService> StartAsync(string? databaseFile = null, TimeProvider? time = null,
        Action<IServiceCollection>? services = null, params string[] settings)
    {
        databaseFile ??= NewDatabaseFile();
        string[] args =
        [
            "--urls", "http://127.0.0.1:0",
            $"--ConnectionStrings:Tamkeen=Data Source={databaseFile}",
            "--Logging:LogLevel:Default=Warning",
            .. settings,
        ];
        var app = TamkeenApp.Build(args, builder =>
        {
            if (time is not null) builder.Services.Replace(ServiceDescriptor.Singleton(time));
            services?.Invoke(builder.Services);
        });
        await ServicesAfterListening.StartAndWaitAsync(app, TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RunningService(app, new Uri(address), databaseFile);
    }

    /// <summary>A browser-like client: keeps the chat cookie, so it is one visitor.</summary>
    public HttpClient NewVisitor() => NewVisitor(BaseAddress);

    /// <inheritdoc cref="NewVisitor()"/>
    public static HttpClient NewVisitor(Uri baseAddress) =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = baseAddress };

    public TamkeenDb OpenDatabase() =>
        Services.GetRequiredService<IDbContextFactory<TamkeenDb>>().CreateDbContext();

    /// <summary>Waits (bounded) until every stored message has been processed and every reply dispatched.</summary>
    /// <summary>
    /// Waits until every timer due on the service's clock has fired, then until idle: a fired timer's row goes in the change
    /// that stores its input, which <see cref="WaitUntilIdleAsync"/> alone could look for before the scheduler has woken up.
    /// </summary>
    public async Task SettleAsync()
    {
        var now = Services.GetRequiredService<TimeProvider>().GetUtcNow();
        await Eventually.UntilAsync(async () =>
        {
            await using var db = OpenDatabase();
            return await db.Timers.AnyAsync(t => t.DueAt <= now);
        }, due => !due, "the due timers fired");
        await WaitUntilIdleAsync();
    }

    public async Task WaitUntilIdleAsync(TimeSpan? limit = null)
    {
        var deadline = DateTime.UtcNow + (limit ?? TimeSpan.FromSeconds(30));
        while (DateTime.UtcNow < deadline)
        {
            await using var db = OpenDatabase();
            var busy = await db.Inbox.AnyAsync(m => m.ProcessedAt == null)
                       || await db.Outbox.AnyAsync(m => m.Status == Messaging.DeliveryStatus.Pending);
            if (!busy) return;
            await Task.Delay(20);
        }
        throw new TimeoutException("The service did not finish processing in time.");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

public static class ChatClientExtensions
{
    public static async Task<string> SendAsync(this HttpClient visitor, string text, string? payload = null, string? id = null)
    {
        var response = await visitor.PostAsJsonAsync("chat/messages", new { id = id ?? Guid.NewGuid().ToString("N"), text, payload });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<Dictionary<string, string>>();
        return body!["status"];
    }
}
