using System.Text.Json;

namespace Tamkeen.Host.Tests;

public class WebChatEventsTests
{
    [Fact]
    public async Task An_open_page_receives_the_reply_as_a_server_sent_event()
    {
        await using var service = await RunningService.StartAsync();
        using var visitor = service.NewVisitor();
        await visitor.GetStringAsync("chat/history"); // sets the visitor's cookie, as the page does

        using var stream = await visitor.GetStreamAsync("chat/events?after=0");
        using var reader = new StreamReader(stream);
        await visitor.SendAsync("٥");

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        string? data = null, eventName = null;
        while (data is null && await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal)) eventName = line["event: ".Length..];
            else if (eventName == "line" && line.StartsWith("data: ", StringComparison.Ordinal)) data = line["data: ".Length..];
        }
        using var json = JsonDocument.Parse(data!);
        Assert.Equal("bot", json.RootElement.GetProperty("from").GetString());
        Assert.Contains("هل المطلوب تقديم اقتراح أم شكوى؟", json.RootElement.GetProperty("text").GetString());
        Assert.Equal(4, json.RootElement.GetProperty("buttons").GetArrayLength());
    }
}
