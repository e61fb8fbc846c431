using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tamkeen.Host.Channels.WebChat;

namespace Tamkeen.Host.Tests;

/// <summary>
/// The chat cookie over real HTTP: only a session the server issued counts, so a cookie planted in someone's browser
/// (session fixation) or copied from a database never opens a conversation.
/// </summary>
public class WebChatSessionTests
{
    private static HttpClient Visitor(RunningService service, CookieContainer cookies) =>
        new(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = service.BaseAddress };

    private static CookieContainer Planted(RunningService service, string value)
    {
        var cookies = new CookieContainer();
        cookies.Add(service.BaseAddress, new Cookie(WebChatSession.CookieName, value));
        return cookies;
    }

    private static async Task<int> HistoryLinesAsync(HttpClient visitor)
    {
        using var history = JsonDocument.Parse(await visitor.GetStringAsync("chat/history"));
        return history.RootElement.GetProperty("lines").GetArrayLength();
    }

    [Fact]
    public async Task A_planted_id_of_a_real_session_reads_nothing_of_it_and_writes_nothing_into_it()
    {
        await using var service = await RunningService.StartAsync();
        using (var person = service.NewVisitor()) await person.SendAsync("مرحبا");
        await service.WaitUntilIdleAsync();
        string session;
        await using (var db = service.OpenDatabase()) session = (await db.Inbox.SingleAsync()).SenderAddress;

        var cookies = Planted(service, session);
        using var intruder = Visitor(service, cookies);
        Assert.Equal(0, await HistoryLinesAsync(intruder));
        Assert.NotEqual(session, cookies.GetCookies(service.BaseAddress)[WebChatSession.CookieName]!.Value);
        await intruder.SendAsync("القائمة");
        await service.WaitUntilIdleAsync();

        await using (var db = service.OpenDatabase())
            Assert.Equal(["مرحبا"], await db.Inbox.Where(m => m.SenderAddress == session).Select(m => m.Text).ToListAsync());
    }

    [Fact]
    public async Task A_session_id_the_visitor_chose_is_replaced_by_one_the_server_issues()
    {
        const string chosen = "0123456789abcdef0123456789abcdef";
        await using var service = await RunningService.StartAsync();
        using var visitor = Visitor(service, Planted(service, chosen));

        await visitor.SendAsync("مرحبا");
        await service.WaitUntilIdleAsync();

        await using var db = service.OpenDatabase();
        Assert.NotEqual(chosen, (await db.Inbox.SingleAsync()).SenderAddress);
        Assert.False(await db.Outbox.AnyAsync(m => m.Address == chosen));
    }

    [Fact]
    public async Task A_cookie_the_server_issued_keeps_the_conversation_across_a_restart()
    {
        var database = RunningService.NewDatabaseFile();
        var cookies = new CookieContainer();
        await using (var first = await RunningService.StartAsync(database))
        {
            using var visitor = Visitor(first, cookies);
            await visitor.SendAsync("مرحبا");
            await first.WaitUntilIdleAsync();
        }

        await using var second = await RunningService.StartAsync(database);
        using var again = Visitor(second, cookies);

        Assert.Equal(2, await HistoryLinesAsync(again)); // the greeting and the welcome
        await using var db = second.OpenDatabase();
        Assert.NotEqual((await db.Inbox.SingleAsync()).SenderAddress, cookies.GetCookies(second.BaseAddress)[WebChatSession.CookieName]!.Value);
    }

    [Fact]
    public async Task The_keys_are_kept_next_to_the_database_or_in_the_folder_set()
    {
        var database = RunningService.NewDatabaseFile();
        var elsewhere = Path.Combine(Path.GetTempPath(), "tamkeen-tests", Guid.NewGuid().ToString("N"), "keys");
        await using (var service = await RunningService.StartAsync(database)) using (var visitor = service.NewVisitor()) await visitor.GetStringAsync("chat/history");
        await using (var service = await RunningService.StartAsync(settings: $"--DataProtection:KeysPath={elsewhere}")) using (var visitor = service.NewVisitor()) await visitor.GetStringAsync("chat/history");

        Assert.NotEmpty(Directory.GetFiles(Path.Combine(Path.GetDirectoryName(database)!, "keys"), "key-*.xml"));
        Assert.NotEmpty(Directory.GetFiles(elsewhere, "key-*.xml"));
    }
}
