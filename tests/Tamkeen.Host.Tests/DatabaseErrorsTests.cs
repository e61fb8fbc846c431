using System.Data.Common;
using Microsoft.Data.Sqlite;
using Tamkeen.Host.Data;

namespace Tamkeen.Host.Tests;

public class DatabaseErrorsTests
{
    private const int SqliteBusy = 5;
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintForeignKey = 787;
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;

    [Theory]
    [InlineData(SqliteConstraintUnique)]
    [InlineData(SqliteConstraintPrimaryKey)]
    [InlineData(SqliteConstraint)]
    public void A_sqlite_unique_or_primary_key_failure_is_a_unique_violation(int extendedCode) =>
        Assert.True(DatabaseErrors.IsUniqueViolation(new SqliteException("UNIQUE constraint failed", SqliteConstraint, extendedCode)));

    [Fact]
    public void A_wrapped_violation_is_found_through_its_inner_exceptions() =>
        Assert.True(DatabaseErrors.IsUniqueViolation(new InvalidOperationException("saving failed",
            new InvalidOperationException("batch failed", new SqliteException("UNIQUE constraint failed", SqliteConstraint, SqliteConstraintUnique)))));

    [Fact]
    public void A_postgres_unique_violation_is_recognised_by_its_sql_state() =>
        Assert.True(DatabaseErrors.IsUniqueViolation(new InvalidOperationException("saving failed", new PostgresLikeException("23505"))));

    [Fact]
    public void Other_errors_are_not_unique_violations()
    {
        Assert.False(DatabaseErrors.IsUniqueViolation(new SqliteException("database is locked", SqliteBusy)));
        Assert.False(DatabaseErrors.IsUniqueViolation(new SqliteException("FOREIGN KEY constraint failed", SqliteConstraint, SqliteConstraintForeignKey)));
        Assert.False(DatabaseErrors.IsUniqueViolation(new PostgresLikeException("23503")));
        Assert.False(DatabaseErrors.IsUniqueViolation(new InvalidOperationException("not a database error")));
    }

    [Fact]
    public void A_duplicate_row_in_a_real_sqlite_database_is_a_unique_violation()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT UNIQUE); INSERT INTO t VALUES (1, 'a');";
        command.ExecuteNonQuery();

        command.CommandText = "INSERT INTO t VALUES (2, 'a');";
        Assert.True(DatabaseErrors.IsUniqueViolation(Assert.Throws<SqliteException>(() => command.ExecuteNonQuery())));
        command.CommandText = "INSERT INTO t VALUES (1, 'b');";
        Assert.True(DatabaseErrors.IsUniqueViolation(Assert.Throws<SqliteException>(() => command.ExecuteNonQuery())));
    }

    /// <summary>Npgsql's PostgresException as far as we use it: a DbException with a SQLSTATE.</summary>
    private sealed class PostgresLikeException(string sqlState) : DbException("postgres error")
    {
        public override string SqlState => sqlState;
    }
}
