using Tamkeen.Core.Requests;

namespace Tamkeen.Core.Tests;

public class RequestTransitionsTests
{
    [Fact]
    public void A_submitted_request_can_be_verified_studied_or_sent_back_for_information_by_staff_and_rejected_only_by_a_manager()
    {
        Assert.Equal([RequestStatus.Verified, RequestStatus.UnderStudy, RequestStatus.NeedsInformation],
            RequestTransitions.AllowedFrom(RequestStatus.Submitted, manager: false));
        Assert.Equal([RequestStatus.Verified, RequestStatus.UnderStudy, RequestStatus.NeedsInformation, RequestStatus.Rejected],
            RequestTransitions.AllowedFrom(RequestStatus.Submitted, manager: true));
    }

    [Theory]
    [InlineData(RequestStatus.Verified)]
    [InlineData(RequestStatus.UnderStudy)]
    [InlineData(RequestStatus.NeedsInformation)]
    public void Approving_and_rejecting_are_a_managers_decision(RequestStatus from)
    {
        foreach (var decision in new[] { RequestStatus.Approved, RequestStatus.Rejected })
        {
            Assert.False(RequestTransitions.IsAllowed(from, decision, manager: false));
            Assert.True(RequestTransitions.IsAllowed(from, decision, manager: true));
        }
    }

    [Fact]
    public void A_manager_may_take_an_approval_back_for_more_study_and_staff_may_not()
    {
        Assert.True(RequestTransitions.IsAllowed(RequestStatus.Approved, RequestStatus.UnderStudy, manager: true));
        Assert.False(RequestTransitions.IsAllowed(RequestStatus.Approved, RequestStatus.UnderStudy, manager: false));
    }

    [Fact]
    public void A_request_is_completed_only_after_it_was_approved()
    {
        Assert.Equal([RequestStatus.Completed], RequestTransitions.AllowedFrom(RequestStatus.Approved, manager: false));
        foreach (var from in Enum.GetValues<RequestStatus>().Where(s => s != RequestStatus.Approved))
            Assert.False(RequestTransitions.IsAllowed(from, RequestStatus.Completed, manager: true));
    }

    [Theory]
    [InlineData(RequestStatus.Rejected)]
    [InlineData(RequestStatus.Completed)]
    public void A_closed_request_moves_no_further(RequestStatus closed) =>
        Assert.Empty(RequestTransitions.AllowedFrom(closed, manager: true));

    [Fact]
    public void No_status_moves_to_itself() =>
        Assert.All(Enum.GetValues<RequestStatus>(), s => Assert.False(RequestTransitions.IsAllowed(s, s, manager: true)));
}
