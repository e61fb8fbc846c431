using Microsoft.Extensions.Options;
using Tamkeen.Core.Conversations;
using Tamkeen.Host.Messaging;
using Tamkeen.Host.Settings;

namespace Tamkeen.Host.Channels.Twilio;

public static class TwilioServices
{
    /// <summary>Twilio's settings, and a sender for WhatsApp and one for SMS, each only when it is on.</summary>
    public static WebApplicationBuilder AddTwilio(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(TwilioOptions.Section);
        var services = builder.Services;
        services.AddOptions<TwilioOptions>().Bind(section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<TwilioOptions>, TwilioOptions.Validator>();

        var options = section.Get<TwilioOptions>() ?? new TwilioOptions();
        if (!options.WhatsAppOn && !options.SmsOn) return builder;

        services.AddHttpClient(TwilioMessages.HttpClientName, (sp, client) =>
            client.Timeout = sp.GetRequiredService<IOptions<DispatchOptions>>().Value.SendTimeout);
        services.AddHttpClient(TwilioMedia.HttpClientName);
        services.AddSingleton<TwilioMessages>();
        services.AddSingleton<WhatsAppWindow>();
        services.AddSingleton<TwilioMedia>();
        services.AddSingleton<TwilioMediaLinks>();
        services.AddSingleton<TwilioDeliveryStatus>();
        if (options.WhatsAppOn) services.AddSingleton<IChannelSender>(sp => ActivatorUtilities.CreateInstance<TwilioSender>(sp, Channel.WhatsApp));
        if (options.SmsOn) services.AddSingleton<IChannelSender>(sp => ActivatorUtilities.CreateInstance<TwilioSender>(sp, Channel.Sms));
        return builder;
    }
}
