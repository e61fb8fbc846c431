using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Tamkeen.CrashBench;

/// <summary>What one crash did: the outbox (read-only) against what the fakes received and what the load was told.</summary>
internal sealed record RunFigures(
    int Run,
    double KilledAtSeconds,
    int RepliesBeforeKill,
    int Acknowledged,
    int Reposts,
    int Interrupted,
    int TelegramDoubled,
    int TelegramTripled,
    int SmsAsked,
    int SmsDoubled,
    int Lost,
    IReadOnlyList<string> Failed,
    IReadOnlyList<string> Problems)
{
    public static string Header =>
        "run  killed at  replies by then  acknowledged  posted again  interrupted  tg doubled  tg tripled  sms asked Twilio  sms doubled  lost  failed";

    public string Line() => FormattableString.Invariant(
        $"{Run,3}  {KilledAtSeconds,7:F2} s  {RepliesBeforeKill,15}  {Acknowledged,12}  {Reposts,12}  {Interrupted,11}  {TelegramDoubled,10}  {TelegramTripled,10}  {SmsAsked,16}  {SmsDoubled,11}  {Lost,4}  {Failed.Count,6}");

    /// <summary>Counts once the service has sent everything: no pending outbox row, no unprocessed inbox row.</summary>
    public static async Task<RunFigures> CountAsync(int run, double killedAtSeconds, int repliesBeforeKill, string database, FakeProviders fakes, Load load)
    {
        await using var db = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        await db.OpenAsync();
        var rows = await OutboxRowsAsync(db);
        var problems = new List<string>();
        if (repliesBeforeKill == 0) problems.Add("no reply reached Telegram or Twilio before the kill");
        if (load.Telegram.RepliesNotSeen + load.Sms.RepliesNotSeen is var notSeen and > 0)
            problems.Add($"{notSeen} times a person gave up waiting for a reply (Telegram {load.Telegram.RepliesNotSeen}, SMS {load.Sms.RepliesNotSeen})");

        var stored = await ScalarAsync(db, "SELECT COUNT(*) FROM Inbox WHERE Kind = 'Message'");
        var acknowledged = load.Telegram.Acknowledged + load.Sms.Acknowledged;
        if (stored != acknowledged) problems.Add($"{acknowledged} messages acknowledged, {stored} stored");
        var unanswered = await ScalarAsync(db, "SELECT COUNT(*) FROM Inbox i WHERE Kind = 'Message' AND NOT EXISTS (SELECT 1 FROM Outbox o WHERE o.InboxMessageId = i.Id)");
        if (unanswered > 0) problems.Add($"{unanswered} stored messages without a reply");
        if (rows.Count != stored) problems.Add($"{rows.Count} replies to {stored} messages; the script means one reply to each");
        var pending = rows.Where(r => r.Status == "Pending").ToList();
        if (pending.Count > 0) problems.Add($"{pending.Count} replies still pending: outbox {Ids(pending)}");

        // Telegram has no id of ours on a message, so copies are counted per (chat, text). One reply per chat is sent at a
        // time, so one crash can cut off at most one reply per chat: two surplus copies of one (chat, text) are a third copy.
        var telegramRows = rows.Where(r => r.Channel == "Telegram" && r.Status != "Pending").ToLookup(r => (Recipient: r.Address, r.Text));
        var arrived = fakes.Telegram.CountByText();
        int doubled = 0, tripled = 0, missing = 0;
        foreach (var key in arrived.Keys.Union(telegramRows.Select(group => group.Key)))
        {
            var recorded = telegramRows[key].ToList();
            var copies = arrived.GetValueOrDefault(key);
            var surplus = copies - recorded.Count;
            if (surplus > 0) doubled++;
            if (surplus > 1)
            {
                tripled++;
                problems.Add($"Telegram chat {key.Recipient} got one reply {surplus + 1} times: outbox {Ids(recorded)}");
            }
            if (surplus > 0 && !recorded.Any(r => r.InterruptedSends > 0))
                problems.Add($"Telegram chat {key.Recipient} got a reply twice that no crash cut off: outbox {Ids(recorded)}");
            var sent = recorded.Count(r => r.Status == "Sent");
            if (copies >= sent) continue;
            missing += sent - copies;
            problems.Add($"Telegram chat {key.Recipient}: outbox {Ids(recorded)} recorded as sent, {copies} arrived");
        }

        // Twilio carries our outbox id in the status callback's address.
        var created = fakes.TwilioMessages.GroupBy(m => m.OutboxId).ToDictionary(g => g.Key, g => g.Count());
        var smsDoubled = created.Where(c => c.Value > 1).Select(c => c.Key).Order().ToList();
        if (smsDoubled.Count > 0) problems.Add($"SMS created more than once at Twilio: outbox {string.Join(", ", smsDoubled)}");
        var notCreated = rows.Where(r => r.Channel == "Sms" && r.Status == "Sent" && !created.ContainsKey(r.Id)).ToList();
        if (notCreated.Count > 0)
            problems.Add($"SMS recorded as sent that Twilio never had: {string.Join("; ", notCreated.Select(r => $"outbox {r.Id} to {r.Address} (SID {r.ProviderMessageId}, which is outbox {fakes.TwilioMessages.FirstOrDefault(m => m.Sid == r.ProviderMessageId)?.OutboxId}'s)"))}");

        return new RunFigures(run, killedAtSeconds, repliesBeforeKill, acknowledged, load.Reposts,
            Interrupted: rows.Count(r => r.InterruptedSends > 0),
            TelegramDoubled: doubled, TelegramTripled: tripled,
            SmsAsked: fakes.TwilioListCalls, SmsDoubled: smsDoubled.Count,
            Lost: (int)(acknowledged - stored + unanswered) + pending.Count + missing + notCreated.Count,
            Failed: [.. rows.Where(r => r.Status == "Failed").Select(r => $"outbox {r.Id} ({r.Channel} {r.Address}): {r.LastError}")],
            Problems: problems);
    }

    /// <summary>Waits until every stored message is processed and every reply sent or failed, or gives up after <paramref name="timeout"/>.</summary>
    public static async Task WaitUntilDrainedAsync(string database, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            await using (var db = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False"))
            {
                await db.OpenAsync();
                if (await ScalarAsync(db, "SELECT (SELECT COUNT(*) FROM Outbox WHERE Status = 'Pending') + (SELECT COUNT(*) FROM Inbox WHERE ProcessedAt IS NULL)") == 0)
                    return;
            }
            await Task.Delay(250);
        }
    }

    private sealed record OutboxRow(long Id, string Channel, string Address, string Text, string Status, int InterruptedSends, string? LastError, string? ProviderMessageId);

    private static async Task<List<OutboxRow>> OutboxRowsAsync(SqliteConnection db)
    {
        await using var command = db.CreateCommand();
        command.CommandText = "SELECT Id, Channel, Address, Text, Status, InterruptedSends, LastError, ProviderMessageId FROM Outbox WHERE Channel IN ('Telegram', 'Sms')";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<OutboxRow>();
        while (await reader.ReadAsync())
            rows.Add(new OutboxRow(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetInt32(5),
                reader.IsDBNull(6) ? null : reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetString(7)));
        return rows;
    }

    private static async Task<long> ScalarAsync(SqliteConnection db, string sql)
    {
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static string Ids(IEnumerable<OutboxRow> rows) => string.Join(", ", rows.Select(r => r.Id));
}
