namespace Tamkeen.Core.Requests;

/// <summary>
/// Which status a request may move to from which, and who may move it: approving or rejecting is a manager's decision,
/// and so is taking an approval back for more study; a request is completed only once approved; a rejected or
/// completed request is closed.
/// </summary>
public static class RequestTransitions
{
    private static readonly Dictionary<RequestStatus, RequestStatus[]> Next = new()
    {
        [RequestStatus.Submitted] = [RequestStatus.Verified, RequestStatus.UnderStudy, RequestStatus.NeedsInformation, RequestStatus.Rejected],
        [RequestStatus.Verified] = [RequestStatus.UnderStudy, RequestStatus.NeedsInformation, RequestStatus.Approved, RequestStatus.Rejected],
        [RequestStatus.UnderStudy] = [RequestStatus.NeedsInformation, RequestStatus.Approved, RequestStatus.Rejected],
        [RequestStatus.NeedsInformation] = [RequestStatus.Verified, RequestStatus.UnderStudy, RequestStatus.Approved, RequestStatus.Rejected],
        [RequestStatus.Approved] = [RequestStatus.Completed, RequestStatus.UnderStudy],
        [RequestStatus.Rejected] = [],
        [RequestStatus.Completed] = [],
    };

    private static bool IsManagersMove(RequestStatus from, RequestStatus to) =>
        to is RequestStatus.Approved or RequestStatus.Rejected || (from == RequestStatus.Approved && to != RequestStatus.Completed);

    /// <summary>The statuses someone in this role may move a request to from <paramref name="from"/>, in the order shown.</summary>
    public static IReadOnlyList<RequestStatus> AllowedFrom(RequestStatus from, bool manager) =>
        Next[from].Where(to => manager || !IsManagersMove(from, to)).ToList();

    public static bool IsAllowed(RequestStatus from, RequestStatus to, bool manager) => AllowedFrom(from, manager).Contains(to);
}
