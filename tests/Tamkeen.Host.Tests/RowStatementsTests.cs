using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Tamkeen.Core.Beneficiaries;
using Tamkeen.Core.Conversations;
using Tamkeen.Core.Feedback;
using Tamkeen.Core.FollowUp;
using Tamkeen.Core.Guide;
using Tamkeen.Core.Handoff;
using Tamkeen.Core.Requests;
using Tamkeen.Core.Surveys;
using Tamkeen.Host.Data;
using Tamkeen.Host.Messaging.Timers;

namespace Tamkeen.Host.Tests;

/// <summary>The writer's prepared row statements write a conversation, JSON parts and all, exactly as EF Core does; a timer set again replaces its own.</summary>
public class RowStatementsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly DateTimeOffset At = new(2026, 12, 3, 9, 15, 0, TimeSpan.Zero);

    private static Conversation Full(long beneficiaryId) => new()
    {
        BeneficiaryId = beneficiaryId,
        State = ConversationState.FeedbackText,
        Language = Language.English,
        LastMessageAt = At,
        IdleTimerAt = At.AddMinutes(30),
        Restarted = true,
        Request = new RequestDraft
        {
            ServiceId = "training", Field = null, Tries = 2, Editing = true,
            Answers = [new FieldAnswer { Field = RequestField.FullName, Value = "أحمد \"محمد\"" }, new FieldAnswer { Field = RequestField.City, Value = "بريدة" }],
            Attachments = [new Attachment("image/jpeg", "file:///a.jpg", TooLarge: true)],
        },
        Guide = new GuideContext { Question = "ما الأوراق؟", Language = Language.Arabic, EntryIds = ["a", "b"], Rated = true },
        Feedback = new FeedbackDraft { Kind = FeedbackKind.Complaint },
        Information = new InformationDraft { Reference = "TMK-2026-00001", Messages = 3, Files = 1 },
        Handoff = new HandoffCase { Reference = "CASE-1", Urgent = true, Answered = false },
        Poll = new PollDraft { Id = "p1", Subject = PollSubject.Request, Reference = null, Step = default, Score = null, Comment = "شكراً", Reminded = true },
        LastPollSentAt = null,
        PollsOptedOut = true,
        GuideMisses = 4,
        AwaitedInformation = ["TMK-2026-00001"],
        Version = 7,
    };

    private static async Task<Dictionary<string, object?>> RawRowAsync(string file, long beneficiaryId)
    {
        await using var connection = new SqliteConnection($"Data Source={file}");
        await connection.OpenAsync(Ct);
        var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM Conversations WHERE BeneficiaryId = $id";
        command.Parameters.AddWithValue("$id", beneficiaryId);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        Assert.True(await reader.ReadAsync(Ct));
        return Enumerable.Range(0, reader.FieldCount).Where(i => reader.GetName(i) != "BeneficiaryId")
            .ToDictionary(reader.GetName, i => reader.IsDBNull(i) ? null : reader.GetValue(i));
    }

    [Fact]
    public async Task A_conversation_inserted_and_replaced_by_row_statements_has_the_columns_EF_Core_writes_and_reads_back_whole()
    {
        await using var database = await WriterDatabase.CreateAsync();
        await database.Writer.WriteAsync(db =>
        {
            for (var i = 0; i < 3; i++) db.Beneficiaries.Add(new Beneficiary { CreatedAt = DateTimeOffset.UtcNow, Identities = [new ChannelIdentity { Channel = Channel.WebChat, Address = $"p{i}" }] });
        }, Ct);
        long[] ids;
        await using (var db = database.Open()) ids = await db.Beneficiaries.OrderBy(b => b.Id).Select(b => b.Id).ToArrayAsync(Ct);

        await database.Writer.WriteAsync(db => db.Conversations.Add(Full(ids[0])), Ct);
        await database.Writer.WriteAsync(db => db.Rows.Insert(Full(ids[1])), Ct);
        var replaced = new Conversation { BeneficiaryId = ids[2], Version = 1, Request = new RequestDraft { ServiceId = "x" } };
        await database.Writer.WriteAsync(db => db.Rows.Insert(replaced), Ct);
        await database.Writer.WriteAsync(db => db.Rows.Replace(Full(ids[2]), readToken: 1), Ct);

        var byEf = await RawRowAsync(database.File, ids[0]);
        Assert.Contains("\"ServiceId\":\"training\"", (string)byEf["Request"]!);
        Assert.Equal(byEf, await RawRowAsync(database.File, ids[1]));
        Assert.Equal(byEf, await RawRowAsync(database.File, ids[2]));
        await using var read = database.Open();
        foreach (var id in ids[1..])
        {
            var back = await read.Conversations.AsNoTracking().SingleAsync(c => c.BeneficiaryId == id, Ct);
            Assert.Equal(JsonSerializer.Serialize(Full(id)), JsonSerializer.Serialize(back));
        }
    }

    [Fact]
    public async Task A_replace_with_an_outdated_version_fails_and_changes_nothing()
    {
        await using var database = await WriterDatabase.CreateAsync();
        Beneficiary person = null!;
        await database.Writer.WriteAsync(db => db.Beneficiaries.Add(person = new Beneficiary { CreatedAt = DateTimeOffset.UtcNow, Identities = [new ChannelIdentity { Channel = Channel.WebChat, Address = "p" }] }), Ct);
        await database.Writer.WriteAsync(db => db.Rows.Insert(new Conversation { BeneficiaryId = person.Id, Version = 5 }), Ct);

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => database.Writer.WriteAsync(db => db.Rows.Replace(Full(person.Id), readToken: 4), Ct));
        await using var read = database.Open();
        var stored = await read.Conversations.AsNoTracking().SingleAsync(Ct);
        Assert.Equal((5, ConversationState.MainMenu, null), (stored.Version, stored.State, stored.Request));
    }

    [Fact]
    public async Task A_timer_set_again_replaces_the_one_of_its_subject_and_kind_and_leaves_the_others()
    {
        await using var database = await WriterDatabase.CreateAsync();
        async Task ScheduleAsync(string subject, TimerKind kind, DateTimeOffset due, string? payload) =>
            await database.Writer.WriteAsync((db, ct) => TimerTable.ScheduleAsync(db, subject, kind, due, beneficiaryId: null, payload, ct), Ct);

        await ScheduleAsync("request/TMK-2612-00001", TimerKind.RequestOverdue, At, "first");
        await ScheduleAsync("request/TMK-2612-00002", TimerKind.RequestOverdue, At, null);
        await ScheduleAsync("request/TMK-2612-00001", TimerKind.Idle, At, null);
        await ScheduleAsync("request/TMK-2612-00001", TimerKind.RequestOverdue, At.AddDays(7), null);

        await using var read = database.Open();
        var timers = await read.Timers.AsNoTracking().OrderBy(t => t.Id).ToListAsync(Ct);
        Assert.Equal(
            [("request/TMK-2612-00001", TimerKind.RequestOverdue, At.AddDays(7), (string?)null), ("request/TMK-2612-00002", TimerKind.RequestOverdue, At, null),
                ("request/TMK-2612-00001", TimerKind.Idle, At, null)],
            timers.Select(t => (t.Subject, t.Kind, t.DueAt, t.Payload)));
    }
}
