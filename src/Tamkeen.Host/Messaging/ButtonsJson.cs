using System.Text.Json;
using System.Text.Json.Serialization;
using Tamkeen.Core.Conversations;

namespace Tamkeen.Host.Messaging;

/// <summary>
/// A row's buttons as stored (<see cref="OutboxMessage.ButtonsJson"/>), through source-generated code: the same JSON as
/// the reflection-based serializer wrote before, without its per-call lookups (a reply with buttons is every step).
/// </summary>
public static class ButtonsJson
{
    public static string? Write(IReadOnlyList<ReplyButton> buttons) =>
        buttons.Count == 0 ? null : JsonSerializer.Serialize(buttons, ButtonsJsonContext.Default.IReadOnlyListReplyButton);

    public static IReadOnlyList<ReplyButton> Read(string? json) =>
        json is null ? [] : JsonSerializer.Deserialize(json, ButtonsJsonContext.Default.ListReplyButton) ?? [];
}

[JsonSerializable(typeof(IReadOnlyList<ReplyButton>))]
[JsonSerializable(typeof(List<ReplyButton>))]
internal sealed partial class ButtonsJsonContext : JsonSerializerContext;
