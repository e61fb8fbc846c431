using System.Net;
using Microsoft.Extensions.Options;
using static Tamkeen.Host.Tests.TwilioTestKit;

namespace Tamkeen.Host.Tests;

public class TwilioSettingsTests
{
    private static readonly Uri Api = new("https://api.twilio.com");

    [Theory]
    [InlineData("--Twilio:AccountSid=SKnot-an-account-sid-but-an-api-key", "Twilio:AccountSid must be AC followed by 32 hexadecimal characters")]
    [InlineData("--Twilio:AuthToken=secret", "Twilio:AuthToken must be the 32 hexadecimal characters")]
    [InlineData("--Twilio:WhatsAppFrom=+14155238886", "Twilio:WhatsAppFrom must be whatsapp: followed by")]
    [InlineData("--Twilio:SmsFrom=not a sender id", "Twilio:SmsFrom must be a number in E.164")]
    [InlineData("--Twilio:PublicBaseUrl=tamkeen.example.org", "Twilio:PublicBaseUrl must be the absolute http(s) address Twilio calls")]
    [InlineData("--Twilio:ApiBaseUrl=ftp://api.twilio.com", "Twilio:ApiBaseUrl must be an absolute http(s) address")]
    [InlineData("--Twilio:WhatsAppTemplateContentSid=template", "Twilio:WhatsAppTemplateContentSid must be HX followed by")]
    [InlineData("--Twilio:WhatsAppWindow=2.00:00:00", "Twilio:WhatsAppWindow must be between")]
    public async Task A_bad_Twilio_setting_stops_the_start_with_a_message_naming_it(string setting, string message)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => RunningService.StartAsync(settings: TwilioSettings(Api, more: setting)));
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public async Task Without_credentials_both_channels_say_they_are_off_once_and_take_no_webhooks()
    {
        var logs = new CapturedLogs();
        await using var service = await RunningService.StartAsync(services: logs.Register, settings: ["--Logging:LogLevel:Default=Information", "--Logging:Console:LogLevel:Default=Warning"]);

        Assert.Single(logs.Lines, l => l == "WhatsApp (Twilio): off, no Twilio:AccountSid set");
        Assert.Single(logs.Lines, l => l == "SMS (Twilio): off, no Twilio:AccountSid set");
        using var response = await PostAsync(service, "/twilio/messages", Message(Person, "مرحبا"));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task WhatsApp_without_an_SMS_sender_says_only_SMS_is_off()
    {
        var logs = new CapturedLogs();
        await using var service = await RunningService.StartAsync(services: logs.Register,
            settings: TwilioSettings(Api, sms: false, more: ["--Logging:LogLevel:Default=Information", "--Logging:Console:LogLevel:Default=Warning"]));

        Assert.Single(logs.Lines, l => l.StartsWith("SMS (Twilio): off", StringComparison.Ordinal));
        Assert.Contains("SMS (Twilio): off, no Twilio:SmsFrom set", logs.Lines);
        Assert.DoesNotContain(logs.Lines, l => l.StartsWith("WhatsApp (Twilio): off", StringComparison.Ordinal));
    }
}
