using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Tamkeen.Host.Settings;

namespace Tamkeen.Host.Channels.Twilio;

/// <summary>
/// A staff member's file sent on WhatsApp: Twilio fetches it from the address given as MediaUrl, which must be public.
/// The address carries a protected, time-limited token naming the outbox row and file, so it opens nothing else and
/// nobody can guess one.
/// </summary>
public sealed class TwilioMediaLinks(IDataProtectionProvider protection, IOptions<TwilioOptions> options)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(2);

    private readonly ITimeLimitedDataProtector _protector = protection.CreateProtector("Tamkeen.TwilioMedia").ToTimeLimitedDataProtector();

    public Uri For(long outboxId, int index) =>
        new($"{options.Value.PublicRoot}/media/{_protector.Protect(string.Create(CultureInfo.InvariantCulture, $"{outboxId}:{index}"), Lifetime)}");

    internal (long OutboxId, int Index)? Read(string token)
    {
        try
        {
            var parts = _protector.Unprotect(token).Split(':');
            return (long.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture));
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
