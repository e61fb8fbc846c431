using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Tamkeen.Core.Guide;
using Tamkeen.Host.Beneficiaries;
using Tamkeen.Host.Channels.Telegram;
using Tamkeen.Host.Channels.Twilio;
using Tamkeen.Host.Channels.WebChat;
using Tamkeen.Host.Content;
using Tamkeen.Host.Data;
using Tamkeen.Host.Feedback;
using Tamkeen.Host.Handoff;
using Tamkeen.Host.Handoff.Telegram;
using Tamkeen.Host.Messaging.Events;
using Tamkeen.Host.Questions;
using Tamkeen.Host.Messaging;
using Tamkeen.Host.Messaging.Timers;
using Tamkeen.Host.Requests;
using Tamkeen.Host.Settings;
using Tamkeen.Host.Reports;
using Tamkeen.Host.Staff;
using Tamkeen.Host.Surveys;
using Tamkeen.Host.Web;

namespace Tamkeen.Host;

/// <summary>The whole service, built the same way by Program, the tests and the benchmark.</summary>
public static class TamkeenApp
{
    public const string DefaultUrl = "http://localhost:5080";

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? customize = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // Settings, content and the web page ship next to the program, wherever it is started from.
            ContentRootPath = AppContext.BaseDirectory,
        });
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["http_ports"]))
            builder.WebHost.UseUrls(DefaultUrl);

        AddSettings(builder);
        AddDatabase(builder);
        AddKeyRing(builder.Services);
        AddMessaging(builder.Services);
        builder.AddTimers();
        // Arabic as UTF-8, not \u escapes: a third of the bytes on a slow phone connection.
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
        builder.Services.AddSingleton<WebChatSession>();
        builder.Services.AddSingleton<WebChatHub>();
        builder.Services.AddWebChatRateLimits();
        builder.Services.AddSingleton<IChannelSender, WebChatSender>();
        builder.AddTelegram();
        builder.AddHandoffTelegram();
        builder.AddTwilio();
        builder.AddBadRequests();
        builder.AddStaffSignIn();
        customize?.Invoke(builder);
        ServicesAfterListening.DeferHostedServices(builder.Services);

        var app = builder.Build();
        app.Use(app.Services.GetRequiredService<ServicesAfterListening>().HoldRequestsUntilReadyAsync);
        app.UseBadRequests();
        app.UseTrustedProxies();
        app.UseMiddleware<SecurityHeaders>();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseConsoleLanguage();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = WriteHealthAsync });
        app.MapWebChat(app.Services.GetRequiredService<IOptions<WebChatOptions>>().Value);
        app.MapTelegram();
        app.MapHandoffTelegram();
        app.MapStaffSignIn();
        app.MapConsoleLanguageSwitch();
        app.MapStaffConsole();
        app.MapStaffRequests();
        app.MapStaffReports();
        app.MapCases();
        app.MapRequestAttachments();
        app.MapTwilio();
        app.Lifetime.ApplicationStarted.Register(() => LogAddresses(app));
        return app;
    }

    private static void AddSettings(WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        builder.Services.AddOptions<ConversationOptions>().Bind(config.GetSection(ConversationOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<MessagingOptions>().Bind(config.GetSection(MessagingOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<DispatchOptions>().Bind(config.GetSection(DispatchOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<DispatchOptions>, DispatchOptions.Validator>();
        builder.Services.AddOptions<AttachmentOptions>().Bind(config.GetSection(AttachmentOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<WebChatOptions>().Bind(config.GetSection(WebChatOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<ContentOptions>().Bind(config.GetSection(ContentOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<StaffOptions>().Bind(config.GetSection(StaffOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<GuideOptions>().Bind(config.GetSection(GuideOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<HttpOptions>().Bind(config.GetSection(HttpOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<HandoffOptions>().Bind(config.GetSection(HandoffOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<HandoffOptions>, HandoffOptions.Validator>();
        builder.Services.AddOptions<SurveyOptions>().Bind(config.GetSection(SurveyOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<KeyRingOptions>().Bind(config.GetSection(KeyRingOptions.Section));
        builder.Services.AddOptions<SmsOptions>().Bind(config.GetSection(SmsOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<DatabaseOptions>()
            .Configure(o => o.ConnectionString = config.GetConnectionString("Tamkeen") ?? "")
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<DatabaseOptions>, DatabaseOptions.Validator>();
        builder.Services.AddSingleton(TimeProvider.System);
    }

    private static void AddDatabase(WebApplicationBuilder builder)
    {
        builder.Services.AddPooledDbContextFactory<TamkeenDb>((services, options) =>
            options.UseSqlite(services.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString)
                .AddInterceptors(new SqlitePragmas())
                // Callers log the failures they do not expect (a duplicate delivery is expected); EF Core would log
                // each one again, with the whole stack, at error level.
                .ConfigureWarnings(w => w.Log(
                    (RelationalEventId.CommandError, LogLevel.Debug),
                    (CoreEventId.SaveChangesFailed, LogLevel.Debug))));
        builder.Services.AddSingleton<DatabaseWriter>();
        builder.Services.AddHostedService<DatabaseMigrator>();
        builder.Services.AddHostedService<WalCheckpointer>();
        // After the migrator: it needs the tables.
        builder.Services.AddHostedService<FirstAdmin>();
        builder.Services.AddHealthChecks().AddDbContextCheck<TamkeenDb>("database");
    }

    /// <summary>
    /// The keys that protect cookies, on disk where the settings say: the default place (~/.aspnet) may not exist or be
    /// writable for a service account, and keys kept only in memory would end every chat session at each restart. The
    /// application name keeps the keys valid when the program is deployed to another folder.
    /// </summary>
    private static void AddKeyRing(IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("Tamkeen");
        services.AddOptions<KeyManagementOptions>().Configure<IOptions<KeyRingOptions>, IOptions<DatabaseOptions>, ILoggerFactory>((keys, ring, database, logs) =>
            keys.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(ring.Value.FolderFor(database.Value)), logs));
    }

    private static void AddMessaging(IServiceCollection services)
    {
        services.AddSingleton<LiveGuide>();
        services.AddSingleton<IGuide>(sp => sp.GetRequiredService<LiveGuide>());
        services.AddSingleton<ConversationFactsLoader>();
        services.AddSingleton<EventLog>();
        services.AddSingleton<IEventRecorder, FeedbackSubmittedRecorder>();
        services.AddSingleton<IEventRecorder, QuestionUnansweredRecorder>();
        services.AddSingleton<IEventRecorder, GuideQuestionAskedRecorder>();
        services.AddSingleton<IEventRecorder, RequestSubmittedRecorder>();
        services.AddSingleton<IEventRecorder, RequestInformationGivenRecorder>();
        services.AddSingleton<IEventRecorder, ForeignRequestAttemptedRecorder>();
        services.AddSingleton<IEventRecorder, SubscriptionChangedRecorder>();
        services.AddSingleton<ITimerHandler, ConversationTimerHandler>();
        services.AddSingleton<EventReactions>();
        services.AddSingleton<ITimerHandler>(sp => sp.GetRequiredService<EventReactions>());
        services.AddSingleton<IEventReactor, ForeignRequestAttemptWarning>();
        services.AddSingleton<RequestDesk>();
        services.AddSingleton<FeedbackDesk>();
        services.AddSingleton<RequestConsole>();
        services.AddSingleton<ServiceReports>();
        services.AddSingleton<ITimerHandler, RequestOverdueHandler>();
        services.AddHandoff();
        services.AddPolls();
        services.AddSingleton<BotContent>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<AttachmentStore>();
        // Started before the lanes, so the flags are read before any message is processed.
        services.AddSingleton<IdentityFlags>();
        services.AddHostedService(sp => sp.GetRequiredService<IdentityFlags>());
        services.AddSingleton<ConversationCache>();
        services.AddSingleton<ConversationProcessor>();
        services.AddSingleton<ConversationLanes>();
        services.AddHostedService(sp => sp.GetRequiredService<ConversationLanes>());
        services.AddSingleton<ConversationWarmUp>();
        services.AddHostedService(sp => sp.GetRequiredService<ConversationWarmUp>());
        services.AddSingleton<BeneficiaryDirectory>();
        services.AddSingleton<MessageIntake>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
    }

    private static Task WriteHealthAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), e.Value.Description }),
        }));
    }

    private static void LogAddresses(WebApplication app)
    {
        // Personal tokens made in the console open the API too, so it is never off; only the setting's tokens may be absent.
        if (app.Services.GetRequiredService<IOptions<StaffOptions>>().Value.ApiTokens.Count == 0)
            app.Logger.LogInformation("Staff API (/api/staff/requests): personal tokens from /staff/tokens only, no Staff:ApiTokens set");
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        foreach (var address in addresses)
        {
            var root = address.TrimEnd('/');
            app.Logger.LogInformation("Website chat: {WebChatUrl}/  Staff console: {StaffUrl}/staff/", root, root);
        }
    }
}
