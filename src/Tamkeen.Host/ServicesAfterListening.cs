namespace Tamkeen.Host;

/// <summary>
/// Starts the service's own hosted services (migration, first admin, flags, lanes, dispatcher, channels…) in their
/// registration order once Kestrel listens, instead of before it: the port opens within a second of start, and a
/// request that comes while they start waits at the door (<see cref="HoldRequestsUntilReadyAsync"/>) rather than
/// finding no tables. A failed start is logged and stops the host; stopping stops them in reverse order.
/// </summary>
public sealed class ServicesAfterListening(
    IReadOnlyList<Func<IServiceProvider, IHostedService>> deferred,
    IServiceProvider services,
    IHostApplicationLifetime lifetime,
    ILogger<ServicesAfterListening> logger) : IHostedService, IDisposable
{
    private static readonly TimeSpan LongestHold = TimeSpan.FromSeconds(30);
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<IHostedService> _started = [];
    private Task _starting = Task.CompletedTask;

    /// <summary>Completes when every deferred service has started; faults or is cancelled when the start did not finish.</summary>
    public Task Ready => _ready.Task;

    /// <summary>Moves every hosted service registered so far behind this one (the web server is added later, at Build).</summary>
    public static void DeferHostedServices(IServiceCollection collection)
    {
        var hosted = collection.Where(d => d.ServiceType == typeof(IHostedService) && !d.IsKeyedService).ToList();
        foreach (var descriptor in hosted) collection.Remove(descriptor);
        var factories = hosted.Select(Factory).ToList();
        collection.AddSingleton(sp => new ServicesAfterListening(factories, sp,
            sp.GetRequiredService<IHostApplicationLifetime>(), sp.GetRequiredService<ILogger<ServicesAfterListening>>()));
        collection.AddHostedService(sp => sp.GetRequiredService<ServicesAfterListening>());
    }

    /// <summary>Starts the host and waits until the deferred services have started too (tests, benches, commands).</summary>
    public static async Task StartAndWaitAsync(IHost host, CancellationToken cancellationToken = default)
    {
        await host.StartAsync(cancellationToken);
        await host.Services.GetRequiredService<ServicesAfterListening>().Ready.WaitAsync(cancellationToken);
    }

    public Task HoldRequestsUntilReadyAsync(HttpContext context, RequestDelegate next) =>
        Ready.IsCompletedSuccessfully ? next(context) : HoldAsync(context, next);

    private async Task HoldAsync(HttpContext context, RequestDelegate next)
    {
        try
        {
            await Ready.WaitAsync(LongestHold, context.RequestAborted);
        }
        catch (Exception) when (!context.RequestAborted.IsCancellationRequested)
        {
            // Not started in time, failed, or stopping: a sender that retries (Telegram does) comes back later.
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "5";
            return;
        }
        await next(context);
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => _starting = Task.Run(StartEachAsync));
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _starting;
        for (var i = _started.Count - 1; i >= 0; i--)
        {
            try
            {
                await _started[i].StopAsync(cancellationToken);
            }
            catch (Exception e)
            {
                logger.LogError(e, "{Service} did not stop cleanly", _started[i].GetType().Name);
            }
        }
    }

    public void Dispose() => _stopping.Dispose();

    private async Task StartEachAsync()
    {
        try
        {
            foreach (var factory in deferred)
            {
                var service = factory(services);
                await service.StartAsync(_stopping.Token);
                _started.Add(service);
            }
            _ready.TrySetResult();
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            _ready.TrySetCanceled();
        }
        catch (Exception e)
        {
            logger.LogCritical(e, "The service could not start");
            _ready.TrySetException(e);
            lifetime.StopApplication();
        }
    }

    private static Func<IServiceProvider, IHostedService> Factory(ServiceDescriptor descriptor) => descriptor switch
    {
        { ImplementationInstance: IHostedService instance } => _ => instance,
        { ImplementationFactory: { } factory } => sp => (IHostedService)factory(sp),
        _ => sp => (IHostedService)ActivatorUtilities.CreateInstance(sp, descriptor.ImplementationType!),
    };
}
