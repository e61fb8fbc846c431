using Microsoft.Extensions.Options;

namespace Tamkeen.Host.Tests;

public class StartupTests
{
    [Theory]
    [InlineData("--Conversation:IdleTimeout=00:00:05", "Conversation:IdleTimeout must be between")]
    [InlineData("--Conversation:MaxMessageLength=0", "Conversation:MaxMessageLength must be between")]
    [InlineData("--Messaging:Lanes=0", "Messaging:Lanes must be between")]
    public async Task A_bad_setting_stops_the_start_with_a_message_naming_it(string setting, string message)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => RunningService.StartAsync(settings: [setting]));
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public async Task A_second_start_reuses_the_same_database()
    {
        var databaseFile = RunningService.NewDatabaseFile();
        await using (var first = await RunningService.StartAsync(databaseFile))
        {
            using var visitor = first.NewVisitor();
            await visitor.SendAsync("مرحبا");
            await first.WaitUntilIdleAsync();
        }
        await using var second = await RunningService.StartAsync(databaseFile);
        await using var db = second.OpenDatabase();
        Assert.Equal(1, db.Inbox.Count());
    }
}
