using Tamkeen.Core.Conversations;

namespace Tamkeen.Core.Beneficiaries;

/// <summary>How a beneficiary is addressed on one channel (a chat id, a phone number, a web session).</summary>
public sealed class ChannelIdentity
{
    public long Id { get; set; }
    public long BeneficiaryId { get; set; }
    public Channel Channel { get; set; }
    public required string Address { get; set; }
}
