using Tamkeen.Core.Conversations;

namespace Tamkeen.Core.Beneficiaries;

/// <summary>How a beneficiary is addressed on one channel (a chat id, a phone number, a web session).</summary>
public sealed class ChannelIdentity
{
    public long Id { get; set; }
    public long BeneficiaryId { get; set; }
    public Channel Channel { get; set; }
    public required string Address { get; set; }

    /// <summary>The person's mobile number in E.164, when the channel vouches for it; links their channels into one beneficiary.</summary>
    public string? Phone { get; set; }

    /// <summary>Set when the channel said the person cannot be reached (blocked the bot); cleared when they write again.</summary>
    public DateTimeOffset? UnreachableSince { get; set; }

    /// <summary>Set when the person sent STOP on this number; nothing is sent until they send START.</summary>
    public DateTimeOffset? OptedOutAt { get; set; }
}
