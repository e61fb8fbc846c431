using Microsoft.AspNetCore.Authorization;
using Tamkeen.Host.Messaging;
using Tamkeen.Host.Staff;

namespace Tamkeen.Host.Requests;

/// <summary>
/// The photos and documents of a request, for the console: <c>/staff/requests/{reference}/attachments/{index}</c>, numbered
/// as <see cref="RequestConsole"/> numbers them. Signed-in staff only: signed out, a browser is sent to the sign-in page and
/// gets no file.
/// </summary>
public static class RequestAttachments
{
    public static string Address(string reference, int index) => $"/staff/requests/{Uri.EscapeDataString(reference)}/attachments/{index}";

    public static void MapRequestAttachments(this IEndpointRouteBuilder app) =>
        app.MapGet("/staff/requests/{reference}/attachments/{index:int}", async (string reference, int index, RequestConsole console,
                AttachmentStore store, CancellationToken ct) =>
            {
                if (await console.FindFileAsync(reference, index, ct) is not { } attachment || store.KeptFile(attachment) is not { } path)
                    return Results.NotFound();
                // A download, never shown inline: a file someone sent must not run as a page of the console.
                return Results.File(path, attachment.ContentType, fileDownloadName: Path.GetFileName(path), enableRangeProcessing: true);
            })
            .RequireAuthorization(new AuthorizeAttribute(StaffPolicies.Staff) { AuthenticationSchemes = Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme });
}
