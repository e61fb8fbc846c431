using Microsoft.EntityFrameworkCore;
using Tamkeen.Core.Conversations;
using Tamkeen.Core.Requests;
using Tamkeen.Host.Content;
using Tamkeen.Host.Data;
using Tamkeen.Host.Messaging;

namespace Tamkeen.Host.Requests;

/// <summary>
/// What staff do to a request. A status change is recorded with who, when and the note, and the person is told on
/// the channel they last wrote from, in their language, in the same commit.
/// </summary>
public sealed class RequestDesk(IDbContextFactory<TamkeenDb> dbFactory, DatabaseWriter writer, BotContent content, OutboxSignal outboxSignal, TimeProvider time)
{
    public async Task<IResult> ChangeStatusAsync(string reference, RequestStatus status, string? note, string staff, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var request = await db.ServiceRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Reference == reference, ct);
        if (request is null) return Results.NotFound();
        if (request.Status == status) return Results.Problem($"The request is already {status}.", statusCode: StatusCodes.Status409Conflict);
        var lastMessage = await db.Inbox.AsNoTracking().Where(m => m.BeneficiaryId == request.BeneficiaryId).OrderByDescending(m => m.Id).FirstAsync(ct);
        var language = await db.Conversations.Where(c => c.BeneficiaryId == request.BeneficiaryId).Select(c => (Language?)c.Language).SingleOrDefaultAsync(ct)
                       ?? Language.Arabic;

        var now = time.GetUtcNow();
        var notice = Notice(request, status, note, language);
        await writer.WriteAsync(changes =>
        {
            var row = new ServiceRequest { Id = request.Id, Reference = request.Reference, ServiceId = request.ServiceId, AnswersJson = request.AnswersJson };
            changes.ServiceRequests.Attach(row);
            row.Status = status;
            changes.Entry(row).Property(r => r.Status).IsModified = true;
            changes.Add(new RequestHistoryEntry { ServiceRequestId = request.Id, Status = status, Note = note, By = staff, At = now });
            changes.Outbox.Add(OutboxMessage.Notice(request.BeneficiaryId, lastMessage.Channel, lastMessage.SenderAddress, notice, now));
        }, ct);
        outboxSignal.Notify();
        return Results.Ok(new { reference, status = status.ToString() });
    }

    public async Task<IResult> AddNoteAsync(string reference, string note, string staff, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var id = await db.ServiceRequests.Where(r => r.Reference == reference).Select(r => (long?)r.Id).SingleOrDefaultAsync(ct);
        if (id is null) return Results.NotFound();
        var now = time.GetUtcNow();
        await writer.WriteAsync(changes => changes.Add(new RequestHistoryEntry { ServiceRequestId = id.Value, Note = note, By = staff, At = now }), ct);
        return Results.Ok(new { reference });
    }

    private string Notice(ServiceRequest request, RequestStatus status, string? note, Language language)
    {
        var texts = content.Texts;
        var text = texts[language, TextKey.RequestStatusChanged]
            .Replace("{reference}", request.Reference, StringComparison.Ordinal)
            .Replace("{service}", content.Services.Find(request.ServiceId)?.Title[language] ?? request.ServiceId, StringComparison.Ordinal)
            .Replace("{status}", texts[language, Enum.Parse<TextKey>($"Status{status}")], StringComparison.Ordinal);
        return string.IsNullOrWhiteSpace(note) ? text : text + "\n" + texts[language, TextKey.RequestStatusNote].Replace("{note}", note, StringComparison.Ordinal);
    }
}
