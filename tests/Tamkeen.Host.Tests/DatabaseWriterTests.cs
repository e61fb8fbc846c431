using Microsoft.EntityFrameworkCore;
using Tamkeen.Core.Beneficiaries;
using Tamkeen.Core.Conversations;
using Tamkeen.Host.Data;

namespace Tamkeen.Host.Tests;

/// <summary>The writer's group commit on a real SQLite file: changes that read, and changes that fail, inside one group.</summary>
public class DatabaseWriterTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_change_reads_inside_its_transaction_what_an_earlier_change_of_its_group_added()
    {
        await using var database = await WriterDatabase.CreateAsync();
        var committedBefore = database.TransactionsCommitted;
        var hold = await database.HoldAsync();
        var first = database.Writer.WriteAsync(db => db.Beneficiaries.Add(Person("first")), Ct);
        long? firstOwner = null;
        var second = database.Writer.WriteAsync(async (db, ct) =>
        {
            firstOwner = await db.ChannelIdentities.Where(i => i.Address == "first").Select(i => (long?)i.BeneficiaryId).FirstOrDefaultAsync(ct);
            db.ChannelIdentities.Add(new ChannelIdentity { BeneficiaryId = firstOwner!.Value, Channel = Channel.Sms, Address = "second" });
        }, Ct);
        await hold.ReleaseAsync();
        await Task.WhenAll(first, second);

        Assert.NotNull(firstOwner);
        Assert.Equal(2, database.TransactionsCommitted - committedBefore); // the hold's, then one for both changes
        await using var db = database.Open();
        Assert.Equal(firstOwner, (await db.ChannelIdentities.SingleAsync(i => i.Address == "second", Ct)).BeneficiaryId);
    }

    [Fact]
    public async Task One_refused_change_among_twenty_queued_fails_only_its_caller_and_leaves_nothing()
    {
        await using var database = await WriterDatabase.CreateAsync();
        await database.Writer.WriteAsync(db => db.Beneficiaries.Add(Person("taken")), Ct);
        var committedBefore = database.TransactionsCommitted;
        var hold = await database.HoldAsync();
        var writes = Enumerable.Range(0, 20)
            .Select(i => database.Writer.WriteAsync(db => db.Beneficiaries.Add(Person(i == 7 ? "taken" : $"person-{i}")), Ct))
            .ToList();
        await hold.ReleaseAsync();

        var refusal = await Assert.ThrowsAsync<DbUpdateException>(() => writes[7]);
        Assert.True(DatabaseErrors.IsUniqueViolation(refusal));
        await Task.WhenAll(writes.Where((_, i) => i != 7));
        Assert.Equal(2, database.TransactionsCommitted - committedBefore);
        await using var db = database.Open();
        Assert.Equal(19, await db.ChannelIdentities.CountAsync(i => i.Address.StartsWith("person-"), Ct));
        // The refused change's beneficiary row was inserted before its identity was refused; it is undone with it.
        Assert.Equal(1 + 19, await db.Beneficiaries.CountAsync(Ct));
    }

    [Fact]
    public async Task A_change_refused_as_a_duplicate_of_one_in_its_group_hears_of_it_once_that_one_is_committed()
    {
        await using var database = await WriterDatabase.CreateAsync();
        var hold = await database.HoldAsync();
        var winner = database.Writer.WriteAsync(db => db.Beneficiaries.Add(Person("same")), Ct);
        var duplicate = database.Writer.WriteAsync(db => db.Beneficiaries.Add(Person("same")), Ct);
        await hold.ReleaseAsync();

        await Assert.ThrowsAsync<DbUpdateException>(() => duplicate);
        // What the caller of a duplicate does next: read the row that refused it.
        await using (var db = database.Open())
        {
            Assert.True(await db.ChannelIdentities.AnyAsync(i => i.Address == "same", Ct));
        }
        await winner;
    }

    [Fact]
    public async Task A_change_written_at_once_is_committed_ahead_of_the_changes_queued_before_it()
    {
        await using var database = await WriterDatabase.CreateAsync();
        var hold = await database.HoldAsync();
        var sawIt = new List<bool>();
        var before = Enumerable.Range(0, 5).Select(_ => database.Writer.WriteAsync(async (db, ct) =>
            sawIt.Add(await db.ChannelIdentities.AnyAsync(i => i.Address == "sent-mark", ct)), Ct)).ToList();
        var atOnce = database.Writer.WriteAtOnceAsync(db => db.Beneficiaries.Add(Person("sent-mark")), Ct);
        await hold.ReleaseAsync();

        await Task.WhenAll([.. before, atOnce]);
        Assert.Equal([true, true, true, true, true], sawIt);
    }

    [Fact]
    public async Task A_refused_first_change_of_a_group_is_undone_and_the_others_commit_together()
    {
        await using var database = await WriterDatabase.CreateAsync();
        await database.Writer.WriteAsync(db => db.Beneficiaries.Add(Person("taken")), Ct);
        var committedBefore = database.TransactionsCommitted;
        var hold = await database.HoldAsync();
        var first = database.Writer.WriteAsync(async (db, ct) =>
        {
            await db.ChannelIdentities.Where(i => i.Address == "taken").ExecuteUpdateAsync(s => s.SetProperty(i => i.Phone, "+15550100"), ct);
            db.Beneficiaries.Add(Person("taken"));
        }, Ct);
        var others = Enumerable.Range(0, 5).Select(i => database.Writer.WriteAsync(db => db.Beneficiaries.Add(Person($"person-{i}")), Ct)).ToList();
        await hold.ReleaseAsync();

        await Assert.ThrowsAsync<DbUpdateException>(() => first);
        await Task.WhenAll(others);
        Assert.Equal(2, database.TransactionsCommitted - committedBefore);
        await using var db = database.Open();
        Assert.Null((await db.ChannelIdentities.SingleAsync(i => i.Address == "taken", Ct)).Phone);
        Assert.Equal(5, await db.ChannelIdentities.CountAsync(i => i.Address.StartsWith("person-"), Ct));
        Assert.Equal(1 + 5, await db.Beneficiaries.CountAsync(Ct));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_change_that_throws_half_way_leaves_nothing_of_it(bool inGroup)
    {
        await using var database = await WriterDatabase.CreateAsync();
        await database.Writer.WriteAsync(db => db.Beneficiaries.Add(Person("existing")), Ct);
        var hold = inGroup ? await database.HoldAsync() : null;
        var before = inGroup ? database.Writer.WriteAsync(db => db.Beneficiaries.Add(Person("before")), Ct) : Task.CompletedTask;
        var failing = database.Writer.WriteAsync(async (db, ct) =>
        {
            db.Beneficiaries.Add(Person("half-way"));
            await db.SaveChangesAsync(ct);
            await db.ChannelIdentities.Where(i => i.Address == "existing").ExecuteUpdateAsync(s => s.SetProperty(i => i.Phone, "+15550100"), ct);
            db.Beneficiaries.Add(Person("never saved"));
            throw new InvalidOperationException("half-way");
        }, Ct);
        var after = inGroup ? database.Writer.WriteAsync(db => db.Beneficiaries.Add(Person("after")), Ct) : Task.CompletedTask;
        if (hold is not null) await hold.ReleaseAsync();

        Assert.Equal("half-way", (await Assert.ThrowsAsync<InvalidOperationException>(() => failing)).Message);
        await Task.WhenAll(before, after);
        await using var db = database.Open();
        string[] expected = inGroup ? ["after", "before", "existing"] : ["existing"];
        Assert.Equal(expected, await db.ChannelIdentities.OrderBy(i => i.Address).Select(i => i.Address).ToListAsync(Ct));
        Assert.Equal(expected.Length, await db.Beneficiaries.CountAsync(Ct));
        Assert.Null((await db.ChannelIdentities.SingleAsync(i => i.Address == "existing", Ct)).Phone);
    }

    private static Beneficiary Person(string address) => new()
    {
        CreatedAt = DateTimeOffset.UtcNow,
        Identities = [new ChannelIdentity { Channel = Channel.WebChat, Address = address }],
    };
}
