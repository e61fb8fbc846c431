using System.Text.Json;
using Tamkeen.Core.Conversations;
using Tamkeen.Host.Messaging;

namespace Tamkeen.Host.Tests;

/// <summary>Buttons are stored in the same JSON as before the source-generated serializer, so rows stored earlier read back.</summary>
public class ButtonsJsonTests
{
    [Fact]
    public void Buttons_are_written_as_the_reflection_serializer_wrote_them_and_read_back_whole()
    {
        IReadOnlyList<ReplyButton> buttons = [new("1@main", "اسأل سؤالاً"), new("case:claim:CASE-1", "أتولاها \"الآن\"")];

        var stored = ButtonsJson.Write(buttons);
        Assert.Equal(JsonSerializer.Serialize(buttons), stored);
        Assert.Equal(buttons, ButtonsJson.Read(stored));
        Assert.Equal(buttons, ButtonsJson.Read(JsonSerializer.Serialize(buttons.ToList())));
        Assert.Null(ButtonsJson.Write([]));
        Assert.Empty(ButtonsJson.Read(null));
    }
}
