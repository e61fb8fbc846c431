namespace Tamkeen.Core.Handoff;

/// <summary>Why a conversation was handed to staff.</summary>
public enum CaseReason
{
    /// <summary>Menu 4, «موظف», a "talk to a staff member" button.</summary>
    AskedForPerson,
    /// <summary>The guide did not answer twice in a row.</summary>
    GuideFailedTwice,
    /// <summary>A complaint was submitted (setting Handoff:ComplaintsOpenCase).</summary>
    Complaint,
    /// <summary>Three failed tries of one request field.</summary>
    FieldTries,
    /// <summary>Words from the urgency list: violence, eviction, no food…</summary>
    Urgent,
    /// <summary>A satisfaction score of 1 or 2: a service-recovery case for managers.</summary>
    LowScore,
}
