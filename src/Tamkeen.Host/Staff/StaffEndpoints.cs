using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Tamkeen.Core.Feedback;
using Tamkeen.Host.Data;
using Tamkeen.Host.Questions;

namespace Tamkeen.Host.Staff;

/// <summary>
/// The staff console. For now it lists suggestions and complaints, and replies that could not be delivered; open to any
/// signed-in member of staff (the Staff policy): a browser that is not signed in is sent to the sign-in page, an API call gets 401.
/// </summary>
public static class StaffEndpoints
{
    public static void MapStaffConsole(this IEndpointRouteBuilder app)
    {
        var staff = app.MapGroup("/staff").RequireAuthorization(StaffPolicies.Staff);
        staff.MapGet("/", FeedbackPageAsync);
        staff.MapUnansweredQuestions();
        staff.MapFailedDeliveries();
    }

    private static async Task<IResult> FeedbackPageAsync(IDbContextFactory<TamkeenDb> dbFactory, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var items = await db.Feedback.OrderByDescending(f => f.Id).Take(200).ToListAsync(ct);
        var failed = await FailedDeliveries.LatestAsync(dbFactory, ct);
        var html = new StringBuilder("""
            <!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>لوحة الموظفين — جمعية تمكين الأسرة</title>
            <link rel="stylesheet" href="../staff.css">
            </head><body><nav class="account"><a href="password">الحساب: تغيير كلمة المرور وتسجيل الخروج</a></nav><h1>الاقتراحات والشكاوى</h1>
            """);
        if (items.Count == 0) html.Append("<p>لا توجد اقتراحات أو شكاوى بعد.</p>");
        else
        {
            html.Append("<table><thead><tr><th>الرقم المرجعي</th><th>النوع</th><th>النص</th><th>التاريخ (UTC)</th></tr></thead><tbody>");
            foreach (var f in items)
            {
                html.Append("<tr><td>").Append(f.Reference).Append("</td><td>")
                    .Append(f.Kind == FeedbackKind.Complaint ? "شكوى" : "اقتراح").Append("</td><td class=\"text\">")
                    .Append(WebUtility.HtmlEncode(f.Text)).Append("</td><td>")
                    .Append(f.CreatedAt.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)).Append("</td></tr>");
            }
            html.Append("</tbody></table>");
        }
        FailedDeliveries.AppendSection(html, failed);
        html.Append("</body></html>");
        return Results.Content(html.ToString(), "text/html; charset=utf-8");
    }
}
