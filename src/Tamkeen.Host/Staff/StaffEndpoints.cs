using Tamkeen.Host.Questions;

namespace Tamkeen.Host.Staff;

/// <summary>
/// The staff console's JSON API, open to any signed-in member of staff (the Staff policy): an API call that is not signed
/// in gets 401. The console's pages are Razor components (<c>Staff/Pages</c>).
/// </summary>
public static class StaffEndpoints
{
    public static void MapStaffConsole(this IEndpointRouteBuilder app)
    {
        var staff = app.MapGroup("/staff").RequireAuthorization(StaffPolicies.Staff);
        staff.MapUnansweredQuestions();
        staff.MapFailedDeliveries();
    }
}
