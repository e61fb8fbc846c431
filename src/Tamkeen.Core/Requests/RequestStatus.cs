namespace Tamkeen.Core.Requests;

/// <summary>submitted → verified → under study → needs information / approved / rejected → completed.</summary>
public enum RequestStatus
{
    Submitted,
    Verified,
    UnderStudy,
    NeedsInformation,
    Approved,
    Rejected,
    Completed,
}

public static class RequestStatuses
{
    public static bool IsOpen(this RequestStatus status) => status is not (RequestStatus.Rejected or RequestStatus.Completed);
}
