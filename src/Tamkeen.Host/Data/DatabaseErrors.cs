using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Tamkeen.Host.Data;

/// <summary>What a database error means, for both providers, wherever EF Core wrapped it.</summary>
public static class DatabaseErrors
{
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqliteConstraintUnique = 2067;
    private const string PostgresUniqueViolation = "23505";

    /// <summary>A unique index or primary key refused the row (a duplicate delivery, a record created at the same moment).</summary>
    public static bool IsUniqueViolation(Exception e)
    {
        for (Exception? inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is SqliteException { SqliteErrorCode: SqliteConstraint } sqlite)
                // Without extended codes SQLite reports only "constraint", which is then taken as a duplicate.
                return sqlite.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey or SqliteConstraint;
            if (inner is DbException { SqlState: PostgresUniqueViolation }) return true;
        }
        return false;
    }
}
