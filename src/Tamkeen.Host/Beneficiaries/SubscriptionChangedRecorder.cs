using Microsoft.EntityFrameworkCore;
using Tamkeen.Core.Beneficiaries;
using Tamkeen.Core.Conversations;
using Tamkeen.Host.Data;
using Tamkeen.Host.Messaging;
using Tamkeen.Host.Messaging.Events;

namespace Tamkeen.Host.Beneficiaries;

/// <summary>
/// STOP or START marks every SMS and WhatsApp identity of the number it came from: those with its phone number, or,
/// when the channel did not vouch for one, those with its address.
/// </summary>
public sealed class SubscriptionChangedRecorder(ILogger<SubscriptionChangedRecorder> logger) : EventRecorder<SubscriptionChanged>
{
    protected override async Task RecordAsync(TamkeenDb db, RecordContext context, SubscriptionChanged e, CancellationToken cancellationToken)
    {
        var input = context.Input;
        var same = SameNumber(db, input);
        // The confirmation is stored in this commit with the same time, and is still sent (see ChannelDispatcher).
        DateTimeOffset? optedOut = e.Subscribed ? null : context.Now;
        var identities = await same.ExecuteUpdateAsync(s => s.SetProperty(i => i.OptedOutAt, optedOut), cancellationToken);
        logger.LogInformation("Beneficiary {BeneficiaryId} sent {Keyword} on {Channel}: {Identities} SMS/WhatsApp identities updated",
            input.BeneficiaryId, e.Subscribed ? "START" : "STOP", input.Channel, identities);
    }

    /// <summary>The SMS and WhatsApp identities of the number <paramref name="input"/> came from.</summary>
    public static IQueryable<ChannelIdentity> SameNumber(TamkeenDb db, InboxMessage input)
    {
        var phone = db.ChannelIdentities.Where(i => i.Channel == input.Channel && i.Address == input.SenderAddress).Select(i => i.Phone);
        return db.ChannelIdentities.Where(i => i.Channel == Channel.Sms || i.Channel == Channel.WhatsApp)
            .Where(i => phone.FirstOrDefault() == null ? i.Address == input.SenderAddress : i.Phone == phone.FirstOrDefault());
    }
}
