using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Tamkeen.Host.Tests;

public class StartupTests
{
    [Theory]
    [InlineData("--Conversation:IdleTimeout=00:00:05", "Conversation:IdleTimeout must be between")]
    [InlineData("--Conversation:MaxMessageLength=0", "Conversation:MaxMessageLength must be between")]
    [InlineData("--Messaging:Lanes=0", "Messaging:Lanes must be between")]
    public async Task A_bad_setting_stops_the_start_with_a_message_naming_it(string setting, string message)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => RunningService.StartAsync(settings: [setting]));
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public async Task The_start_warm_up_walks_the_conversation_without_writing_or_answering_anyone()
    {
        var logs = new CapturedLogs();
        await using var service = await RunningService.StartAsync(services: logs.Register);
        await service.Services.GetRequiredService<Messaging.ConversationWarmUp>().Done.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        // It would say it failed (a warning) rather than stop the service.
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Warning && e.Category.EndsWith("ConversationWarmUp", StringComparison.Ordinal));
        await using var db = service.OpenDatabase();
        Assert.Equal((0, 0, 0, 0, 0, 0), (await db.Beneficiaries.CountAsync(), await db.Conversations.CountAsync(), await db.Inbox.CountAsync(),
            await db.Outbox.CountAsync(), await db.Events.CountAsync(), await db.UnansweredQuestions.CountAsync()));
    }

    [Fact]
    public async Task The_service_process_stopped_as_a_service_manager_stops_it_exits_0_without_an_error()
    {
        var folder = Path.GetDirectoryName(RunningService.NewDatabaseFile())!;
        Directory.CreateDirectory(folder);
        var port = Emulators.FreePort();
        var start = new System.Diagnostics.ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Tamkeen.Host.dll"), "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ConnectionStrings__Tamkeen"] = $"Data Source={Path.Combine(folder, "tamkeen.db")}";
        start.Environment["Attachments__Path"] = Path.Combine(folder, "attachments");
        using var service = System.Diagnostics.Process.Start(start)!;
        var output = service.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = service.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        await Eventually.UntilAsync(async () =>
        {
            try { return (await client.GetAsync("health", TestContext.Current.CancellationToken)).IsSuccessStatusCode; }
            catch (HttpRequestException) { return false; }
        }, healthy => healthy, "the service to answer /health");

        using (var terminate = System.Diagnostics.Process.Start("kill", ["-TERM", service.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!)
            await terminate.WaitForExitAsync(TestContext.Current.CancellationToken);
        await service.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        var said = await output + await errors;
        Assert.DoesNotContain("Unhandled exception", said);
        Assert.Equal(0, service.ExitCode);
    }

    [Fact]
    public async Task A_second_start_reuses_the_same_database()
    {
        var databaseFile = RunningService.NewDatabaseFile();
        await using (var first = await RunningService.StartAsync(databaseFile))
        {
            using var visitor = first.NewVisitor();
            await visitor.SendAsync("مرحبا");
            await first.WaitUntilIdleAsync();
        }
        await using var second = await RunningService.StartAsync(databaseFile);
        await using var db = second.OpenDatabase();
        Assert.Equal(1, db.Inbox.Count());
    }

    [Fact]
    public async Task The_port_opens_before_the_services_have_started_and_a_message_sent_meanwhile_waits_and_is_answered()
    {
        var stillStarting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var port = Emulators.FreePort();
        var starting = RunningService.StartAsync(services: s => s.AddHostedService(_ => new StartsWhen(stillStarting.Task)),
            settings: [$"--urls=http://127.0.0.1:{port}"]);
        using var visitor = RunningService.NewVisitor(new Uri($"http://127.0.0.1:{port}/"));

        await Eventually.UntilAsync(async () =>
        {
            try
            {
                using var listening = new TcpClient();
                await listening.ConnectAsync(IPAddress.Loopback, port);
                return true;
            }
            catch (SocketException)
            {
                return false;
            }
        }, open => open, "the port is open");
        var message = visitor.SendAsync("مرحبا");
        // Held at the door while the services start: neither refused nor answered.
        Assert.NotSame(message, await Task.WhenAny(message, Task.Delay(TimeSpan.FromMilliseconds(500))));
        Assert.False(starting.IsCompleted);

        stillStarting.SetResult();
        await using var service = await starting;
        Assert.Equal("accepted", await message);
        await service.WaitUntilIdleAsync();
        await using var db = service.OpenDatabase();
        Assert.Equal(1, await db.Inbox.CountAsync());
        Assert.Equal(1, await db.Outbox.CountAsync());
    }

    [Fact]
    public async Task A_service_that_fails_to_start_fails_the_start_with_its_error()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            RunningService.StartAsync(services: s => s.AddHostedService(_ => new StartsWhen(Task.FromException(new InvalidOperationException("no disk"))))));
        Assert.Equal("no disk", error.Message);
    }

    private sealed class StartsWhen(Task started) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => started.WaitAsync(cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
