using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.Time.Testing;
using Tamkeen.Core.Conversations;
using Tamkeen.Core.Feedback;
using Tamkeen.Core.Requests;
using Microsoft.Extensions.DependencyInjection;
using Tamkeen.Host.Channels.WebChat;
using Tamkeen.Host.Content;
using Tamkeen.Host.Messaging;

namespace Tamkeen.Host.Tests;

/// <summary>
/// A database made by the last release (Fixtures/make-release-db.sh), with people in the middle of conversations,
/// upgraded by the current migrations: each person is where they were, with what they had given.
/// </summary>
public class ReleaseMigrationTests
{
    private static async Task<RunningService> StartOnReleaseDatabaseAsync()
    {
        var file = RunningService.NewDatabaseFile();
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "release-2e02148.db"), file);
        // The people wrote minutes before the fixture was made; the clock starts there, so none of them is idle.
        var clock = new FakeTimeProvider(LastMessageAt(file) + TimeSpan.FromMinutes(1));
        return await RunningService.StartAsync(file, clock);
    }

    private static DateTimeOffset LastMessageAt(string file)
    {
        using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT max(LastMessageAt) FROM Conversations";
        return (DateTimeOffset)new DateTimeOffsetToBinaryConverter().ConvertFromProvider((long)command.ExecuteScalar()!)!;
    }

    private static HttpClient Visitor(RunningService service, int person)
    {
        var cookies = new CookieContainer();
        // The release's cookies held the bare session id, which no longer opens a session; these people come back
        // with the cookie the service issues for their session now.
        var session = person.ToString("D32", System.Globalization.CultureInfo.InvariantCulture);
        cookies.Add(service.BaseAddress, new Cookie(WebChatSession.CookieName, service.Services.GetRequiredService<WebChatSession>().CookieFor(session)));
        return new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = service.BaseAddress };
    }

    private static string Text(RunningService service, TextKey key) =>
        service.Services.GetRequiredService<BotContent>().Texts[Language.Arabic, key];

    private static async Task<Conversation> ConversationOf(RunningService service, long beneficiaryId)
    {
        await using var db = service.OpenDatabase();
        return await db.Conversations.AsNoTracking().SingleAsync(c => c.BeneficiaryId == beneficiaryId);
    }

    private static async Task<string> LastReplyTo(RunningService service, long beneficiaryId)
    {
        await service.WaitUntilIdleAsync();
        await using var db = service.OpenDatabase();
        return (await db.Outbox.Where(m => m.BeneficiaryId == beneficiaryId).OrderByDescending(m => m.Id).FirstAsync()).Text;
    }

    [Fact]
    public async Task People_in_the_middle_of_a_request_are_at_the_same_field_with_their_answers()
    {
        await using var service = await StartOnReleaseDatabaseAsync();

        var started = await ConversationOf(service, 1);
        Assert.Equal(ConversationState.RequestField, started.State);
        Assert.Equal(("new-family", RequestField.Mobile), (started.Request!.ServiceId, started.Request.Field));
        Assert.Equal("نورة محمد العتيبي", started.Request.Answer(RequestField.FullName));
        Assert.Equal("1000000008", started.Request.Answer(RequestField.NationalId));

        var editing = await ConversationOf(service, 2);
        Assert.Equal((RequestField.City, true), (editing.Request!.Field, editing.Request.Editing));
        Assert.Equal("", editing.Request.Answer(RequestField.Description));

        using var first = Visitor(service, 1);
        await first.SendAsync("0501234567");
        Assert.StartsWith(Text(service, TextKey.RequestAskCity), await LastReplyTo(service, 1));
        Assert.Equal("+966501234567", (await ConversationOf(service, 1)).Request!.Answer(RequestField.Mobile));

        using var atSummary = Visitor(service, 3);
        await atSummary.SendAsync("1");
        Assert.StartsWith(Text(service, TextKey.RequestSubmitted).Split('{')[0], await LastReplyTo(service, 3));
        await using var db = service.OpenDatabase();
        var submitted = await db.ServiceRequests.SingleAsync(r => r.BeneficiaryId == 3);
        Assert.Contains("الأب متوفى والأم لا تعمل", submitted.AnswersJson);
    }

    [Fact]
    public async Task People_in_the_middle_of_a_question_keep_their_question()
    {
        await using var service = await StartOnReleaseDatabaseAsync();
        var answered = await ConversationOf(service, 4);
        Assert.Equal(ConversationState.AnswerFeedback, answered.State);
        Assert.Equal(("وش الاوراق المطلوبه للتسجيل", Language.Arabic), (answered.Guide!.Question, answered.Guide.Language));
        Assert.Equal(["registration-documents"], answered.Guide.EntryIds);
        var suggested = await ConversationOf(service, 5);
        Assert.Equal(["emergency-aid", "services-overview", "rent-support"], suggested.Guide!.EntryIds);

        using var visitor = Visitor(service, 4);
        await visitor.SendAsync("2");
        await service.WaitUntilIdleAsync();
        await using var db = service.OpenDatabase();
        var unanswered = await db.UnansweredQuestions.SingleAsync();
        Assert.Equal(("وش الاوراق المطلوبه للتسجيل", "registration-documents"), (unanswered.Question, unanswered.EntryId));
    }

    [Fact]
    public async Task A_person_asked_for_information_is_still_asked_and_what_they_send_goes_to_the_request()
    {
        await using var service = await StartOnReleaseDatabaseAsync();
        var asked = await ConversationOf(service, 6);
        Assert.Equal(ConversationState.RequestInformation, asked.State);
        Assert.Matches(@"^TMK-\d{4}-00043$", asked.Information!.Reference);
        Assert.Equal([asked.Information.Reference], asked.AwaitedInformation);

        using var visitor = Visitor(service, 6);
        await visitor.SendAsync("أرسلت صورة الهوية مع المندوب");
        await service.WaitUntilIdleAsync();
        await using var db = service.OpenDatabase();
        var request = await db.ServiceRequests.Include(r => r.History).SingleAsync();
        Assert.Contains(request.History, h => h.Note == "أرسلت صورة الهوية مع المندوب" && h.By == "beneficiary");
        Assert.NotNull(request.InformationReceivedAt);
        Assert.True(await db.Timers.AnyAsync(t => t.Subject == "request/" + request.Reference && t.Kind == TimerKind.RequestOverdue));
    }

    [Fact]
    public async Task Feedback_numbers_become_references_and_the_rest_stay_where_they_were()
    {
        await using var service = await StartOnReleaseDatabaseAsync();
        await using var db = service.OpenDatabase();
        var feedback = await db.Feedback.OrderBy(f => f.Id).ToListAsync();
        Assert.Matches(@"^SUG-\d{4}-00048$", feedback[0].Reference);
        Assert.Matches(@"^CMP-\d{4}-00052$", feedback[1].Reference);
        Assert.Equal(feedback[0].CreatedAt.ToString("yyMM", System.Globalization.CultureInfo.InvariantCulture), feedback[0].Reference[4..8]);

        Assert.Equal(Language.English, (await ConversationOf(service, 10)).Language);
        var writing = await ConversationOf(service, 11);
        Assert.Equal((ConversationState.FeedbackText, FeedbackKind.Complaint), (writing.State, writing.Feedback!.Kind));
        Assert.Equal(InputKind.StatusChange, (await db.Inbox.SingleAsync(m => m.ChannelMessageId.StartsWith("notice-"))).Kind);
    }
}
