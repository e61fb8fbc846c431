using Tamkeen.Core.Conversations;
using Tamkeen.Host.Messaging.Events;

namespace Tamkeen.Host.Requests;

/// <summary>
/// Another account reached a request (its history already says so): a warning in the log for whoever watches it, until
/// staff alerts exist. Only the reference, the beneficiary's number and the way: no ID number, no phone.
/// </summary>
public sealed class ForeignRequestAttemptWarning(ILogger<ForeignRequestAttemptWarning> logger) : EventReactor<ForeignRequestAttempted>
{
    protected override Task ReactAsync(StoredEvent stored, ForeignRequestAttempted e, CancellationToken cancellationToken)
    {
        logger.LogWarning("Beneficiary {BeneficiaryId} reached request {Reference} of another account ({How}); told nothing about it (event {EventId})",
            stored.BeneficiaryId, e.Reference, e.How, stored.Id);
        return Task.CompletedTask;
    }
}
