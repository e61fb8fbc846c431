using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tamkeen.Core.Conversations;
using Tamkeen.Host.Data;
using Tamkeen.Host.Messaging;
using Tamkeen.Host.Settings;

namespace Tamkeen.Host.Channels.Twilio;

/// <summary>
/// WhatsApp takes free-form messages only within 24 hours of the person's last message (Twilio:WhatsAppWindow);
/// after that only an approved template.
/// </summary>
public sealed class WhatsAppWindow(IDbContextFactory<TamkeenDb> dbFactory, IOptions<TwilioOptions> options, TimeProvider time)
{
    public async Task<bool> IsOpenAsync(string address, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // Notices are stored in the inbox too, but they are the association writing, not the person.
        var last = await db.Inbox
            .Where(m => m.Channel == Channel.WhatsApp && m.SenderAddress == address && m.Kind == InputKind.Message)
            .OrderByDescending(m => m.ReceivedAt)
            .Select(m => (DateTimeOffset?)m.ReceivedAt)
            .FirstOrDefaultAsync(cancellationToken);
        return IsOpen(last, time.GetUtcNow(), options.Value.WhatsAppWindow);
    }

    /// <summary>Whether a free-form message may go now, given when the person last wrote on WhatsApp.</summary>
    public static bool IsOpen(DateTimeOffset? lastMessageAt, DateTimeOffset now, TimeSpan window) => lastMessageAt is { } at && now - at <= window;
}
