using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Tamkeen.Host.Data;

namespace Tamkeen.Host.Tests;

/// <summary>The database log is copied into the database file by the checkpointer on its tick, not by the writer's commits.</summary>
public class WalCheckpointerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_commit_past_a_thousand_pages_stays_in_the_log_until_the_checkpointer_copies_it_on_its_tick()
    {
        await using var database = await WriterDatabase.CreateAsync();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var checkpointer = new WalCheckpointer(database.Factory, clock, NullLogger<WalCheckpointer>.Instance);
        await checkpointer.StartAsync(Ct);
        var fileBefore = new FileInfo(database.File).Length;

        // ~1,500 pages of 4 KiB: past SQLite's default of 1,000, at which the commit itself used to copy the log.
        await database.Writer.WriteAsync((db, ct) => db.Database.ExecuteSqlRawAsync(
            "CREATE TABLE Filler (Bytes BLOB); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1500) " +
            "INSERT INTO Filler SELECT randomblob(3000) FROM n;", ct), Ct);

        Assert.Equal(fileBefore, new FileInfo(database.File).Length);
        Assert.True(new FileInfo(database.File + "-wal").Length > 1_000 * 4096);

        clock.Advance(WalCheckpointer.Every);
        await Eventually.UntilAsync(() => new FileInfo(database.File).Length > 1_500 * 3000, "the log copied into the database file");
        await checkpointer.StopAsync(Ct);
        await using var reader = database.Open();
        Assert.Equal(1500, await reader.Database.SqlQueryRaw<int>("SELECT count(*) AS Value FROM Filler").SingleAsync(Ct));
    }
}
