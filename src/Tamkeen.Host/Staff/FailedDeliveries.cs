using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Tamkeen.Host.Data;
using Tamkeen.Host.Messaging;

namespace Tamkeen.Host.Staff;

/// <summary>Replies that could not be delivered (bad number, blocked bot, STOP, gave up after retries), for staff to follow up.</summary>
public static class FailedDeliveries
{
    private const int Shown = 200;

    public static void MapFailedDeliveries(this RouteGroupBuilder staff) => staff.MapGet("/api/failed-deliveries", async (IDbContextFactory<TamkeenDb> dbFactory, CancellationToken ct) =>
        Results.Ok((await LatestAsync(dbFactory, ct)).Select(m => new
        {
            id = m.Id, beneficiaryId = m.BeneficiaryId, channel = m.Channel.ToString(), to = MaskAddress(m.Address),
            error = m.LastError, attempts = m.Attempts, providerStatus = m.ProviderStatus, createdAt = m.CreatedAt,
        })));

    public static async Task<List<OutboxMessage>> LatestAsync(IDbContextFactory<TamkeenDb> dbFactory, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Outbox.AsNoTracking().Where(m => m.Status == DeliveryStatus.Failed).OrderByDescending(m => m.Id).Take(Shown).ToListAsync(ct);
    }

    /// <summary>The staff page's section: who was not reached, on which channel, and why.</summary>
    public static void AppendSection(StringBuilder html, List<OutboxMessage> failed)
    {
        html.Append("<h2>رسائل تعذّر إيصالها</h2>");
        if (failed.Count == 0)
        {
            html.Append("<p>وصلت جميع الرسائل.</p>");
            return;
        }
        html.Append("<table><thead><tr><th>المستفيد</th><th>القناة</th><th>إلى</th><th>السبب</th><th>المحاولات</th><th>التاريخ (UTC)</th></tr></thead><tbody>");
        foreach (var m in failed)
        {
            html.Append("<tr><td>").Append(m.BeneficiaryId).Append("</td><td>").Append(m.Channel)
                .Append("</td><td dir=\"ltr\">").Append(WebUtility.HtmlEncode(MaskAddress(m.Address)))
                .Append("</td><td>").Append(WebUtility.HtmlEncode(m.LastError ?? "")).Append("</td><td>").Append(m.Attempts)
                .Append("</td><td>").Append(m.CreatedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)).Append("</td></tr>");
        }
        html.Append("</tbody></table>");
    }

    /// <summary>Phone numbers and chat ids keep only their first three and last three digits.</summary>
    public static string MaskAddress(string address)
    {
        var digits = address.Count(char.IsAsciiDigit);
        if (digits <= 6) return address;
        var seen = 0;
        return string.Concat(address.Select(c => !char.IsAsciiDigit(c) ? c : ++seen <= 3 || seen > digits - 3 ? c : '•'));
    }
}
