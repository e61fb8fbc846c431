using Microsoft.Extensions.DependencyInjection;
using Tamkeen.Core.Conversations;
using Tamkeen.Host.Messaging;
using static Tamkeen.Host.Tests.TwilioTestKit;

namespace Tamkeen.Host.Tests;

public class TwilioSendFailureTests
{
    private static Task<SendOutcome> SendSmsAsync(RunningService service) =>
        service.Services.GetServices<IChannelSender>().Single(s => s.Channel == Channel.Sms)
            .SendAsync(new OutboxMessage { Id = 1, Channel = Channel.Sms, Address = Person, Text = "Your request is under study." },
                TestContext.Current.CancellationToken);

    [Fact]
    public async Task Twilio_answers_are_read_as_sent_transient_or_permanent()
    {
        await using var fake = await TwilioFakeApi.StartAsync();
        await using var service = await RunningService.StartAsync(settings: TwilioSettings(fake.BaseAddress, whatsApp: false));

        var sent = Assert.IsType<SendOutcome.Sent>(await SendSmsAsync(service));
        Assert.StartsWith("SM", sent.ProviderMessageId);
        Assert.Equal(1, sent.Segments);

        var throttled = Assert.IsType<SendOutcome.Transient>(await AnsweredAsync(429, """{"code":20429,"message":"Too Many Requests","status":429}""", retryAfter: "7"));
        Assert.Equal(TimeSpan.FromSeconds(7), throttled.RetryAfter);

        var down = Assert.IsType<SendOutcome.Transient>(await AnsweredAsync(500, """{"code":20500,"message":"Internal Server Error","status":500}"""));
        Assert.Null(down.RetryAfter);

        var invalid = Assert.IsType<SendOutcome.Permanent>(await AnsweredAsync(400, """{"code":21211,"message":"Invalid 'To' Phone Number","status":400}"""));
        Assert.Contains("21211", invalid.Error);
        Assert.False(invalid.Unreachable);

        var unsubscribed = Assert.IsType<SendOutcome.Permanent>(await AnsweredAsync(400, """{"code":21610,"message":"Attempt to send to unsubscribed recipient","status":400}"""));
        Assert.Contains("21610", unsubscribed.Error);
        Assert.True(unsubscribed.Unreachable);

        Task<SendOutcome> AnsweredAsync(int status, string body, string? retryAfter = null)
        {
            fake.Answer(status, body, retryAfter);
            return SendSmsAsync(service);
        }
    }

    [Fact]
    public async Task Twilio_out_of_reach_is_transient()
    {
        int port;
        using (var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        }
        await using var service = await RunningService.StartAsync(settings: TwilioSettings(new Uri($"http://127.0.0.1:{port}"), whatsApp: false));
        var outcome = Assert.IsType<SendOutcome.Transient>(await SendSmsAsync(service));
        Assert.Contains("could not be reached", outcome.Error);
    }
}
