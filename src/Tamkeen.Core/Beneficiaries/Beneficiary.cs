namespace Tamkeen.Core.Beneficiaries;

/// <summary>A person we serve; one person may reach us on several channels.</summary>
public sealed class Beneficiary
{
    public long Id { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public List<ChannelIdentity> Identities { get; set; } = [];
}
