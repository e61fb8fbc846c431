using System.Text;
using System.Text.Json;
using Tamkeen.Core.Conversations;
using Tamkeen.Host.Messaging;

namespace Tamkeen.Host.Tests;

/// <summary>Buttons are stored with their Arabic as it is, and rows stored before, with it escaped, read back the same.</summary>
public class ButtonsJsonTests
{
    [Fact]
    public void Buttons_are_stored_with_their_arabic_unescaped_and_read_back_whole_in_either_form()
    {
        IReadOnlyList<ReplyButton> buttons = [new("1@main", "اسأل سؤالاً"), new("case:claim:CASE-1", "أتولاها \"الآن\"")];
        var storedBefore = JsonSerializer.Serialize(buttons); // how rows were written up to now: \u0627…

        var stored = ButtonsJson.Write(buttons)!;

        Assert.Contains("\"Label\":\"اسأل سؤالاً\"", stored, StringComparison.Ordinal);
        var (bytes, bytesBefore) = (Encoding.UTF8.GetByteCount(stored), Encoding.UTF8.GetByteCount(storedBefore));
        Assert.True(bytes * 4 < bytesBefore * 3, $"{bytes} bytes against {bytesBefore}");
        Assert.Equal(buttons, ButtonsJson.Read(stored));
        Assert.Equal(buttons, ButtonsJson.Read(storedBefore));
        Assert.Null(ButtonsJson.Write([]));
        Assert.Empty(ButtonsJson.Read(null));
    }
}
