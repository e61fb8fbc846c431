using System.Text.Json;
using System.Text.Json.Serialization;
using Tamkeen.Core.Conversations;
using Tamkeen.Host.Messaging.Events;

namespace Tamkeen.Host.Messaging;

/// <summary>
/// A row's buttons as stored (<see cref="OutboxMessage.ButtonsJson"/>), through source-generated code (a reply with
/// buttons is every step). Arabic is kept as it is, not escaped as \uXXXX: six bytes a letter instead of two made the
/// buttons more than half of every reply row. Rows stored escaped read back the same.
/// </summary>
public static class ButtonsJson
{
    // A copy: a context takes over the options it is given, and the event log's options serialize other types by reflection.
    private static readonly ButtonsJsonContext Unescaped = new(new JsonSerializerOptions(EventLog.ReadableJson));

    public static string? Write(IReadOnlyList<ReplyButton> buttons) =>
        buttons.Count == 0 ? null : JsonSerializer.Serialize(buttons, Unescaped.IReadOnlyListReplyButton);

    public static IReadOnlyList<ReplyButton> Read(string? json) =>
        json is null ? [] : JsonSerializer.Deserialize(json, Unescaped.ListReplyButton) ?? [];
}

[JsonSerializable(typeof(IReadOnlyList<ReplyButton>))]
[JsonSerializable(typeof(List<ReplyButton>))]
internal sealed partial class ButtonsJsonContext : JsonSerializerContext;
