using System.Text.Encodings.Web;
using System.Text.Json;
using Tamkeen.Core.Conversations;
using Tamkeen.Host.Data;

namespace Tamkeen.Host.Messaging.Events;

/// <summary>Stores a step's events and runs the recorder registered for each type, in the caller's transaction.</summary>
public sealed class EventLog
{
    /// <summary>Arabic kept as letters in stored JSON, so staff reading the database can read it.</summary>
    public static readonly JsonSerializerOptions ReadableJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Dictionary<Type, IEventRecorder> _recorders;

    public EventLog(IEnumerable<IEventRecorder> recorders) => _recorders = recorders.ToDictionary(r => r.EventType);

    public async Task StoreAsync(TamkeenDb db, RecordContext context, IReadOnlyList<ConversationEvent> events, CancellationToken cancellationToken)
    {
        foreach (var e in events)
        {
            db.Rows.Insert(new StoredEvent
            {
                BeneficiaryId = context.Input.BeneficiaryId, InboxMessageId = context.Input.Id, Type = e.GetType().Name,
                PayloadJson = JsonSerializer.Serialize(e, e.GetType(), ReadableJson), CreatedAt = context.Now,
            });
            if (!_recorders.TryGetValue(e.GetType(), out var recorder)) throw new NotSupportedException($"No recorder is registered for {e.GetType().Name}.");
            await recorder.RecordAsync(db, context, e, cancellationToken);
        }
    }
}
