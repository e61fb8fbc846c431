using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Tamkeen.Host.Data;

/// <summary>
/// Inserts and column updates of plain rows (no owned or JSON parts) as statements prepared once on the writer's
/// connection, run at once in its transaction. EF Core's SaveChanges builds, batches and writes the SQL of every row
/// anew, and SQLite parses it anew: for the inbox and outbox rows of every message that was half of the writer's time.
/// The columns, their names and their conversions (enums as text, times in binary) come from EF Core's model, so the
/// rows read back exactly as if EF Core had written them.
/// </summary>
/// <remarks>Only the writer's change functions use these; a row written here is not tracked by the context.</remarks>
public sealed class RowStatements(TamkeenDb db) : IDisposable
{
    private readonly Dictionary<(Type Type, string Columns), Statement> _statements = [];

    /// <summary>Inserts the row now and sets its generated key.</summary>
    public void Insert<T>(T row) where T : class
    {
        var statement = Prepared(typeof(T), "", () => InsertStatement(Entity<T>()));
        var key = statement.Run(row).ExecuteScalar();
        statement.Key!.PropertyInfo!.SetValue(row, Convert.ChangeType(key, statement.Key.ClrType, null));
    }

    /// <summary>Writes the named columns of the row now, found by its key.</summary>
    /// <param name="columns">A fixed list (one statement is prepared per list): its identity names the statement.</param>
    public void Update<T>(T row, string[] columns) where T : class
    {
        var statement = Prepared(typeof(T), string.Join(',', columns), () => UpdateStatement(Entity<T>(), columns));
        if (statement.Run(row).ExecuteNonQuery() != 1)
            throw new DbUpdateConcurrencyException($"The {typeof(T).Name} row to update was not found.");
    }

    private IEntityType Entity<T>() => db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");

    private Statement Prepared(Type type, string columns, Func<Statement> create)
    {
        if (!_statements.TryGetValue((type, columns), out var statement)) _statements[(type, columns)] = statement = create();
        statement.Command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        return statement;
    }

    private Statement InsertStatement(IEntityType entity)
    {
        var key = entity.FindPrimaryKey()!.Properties.Single();
        var columns = entity.GetProperties().Where(p => p != key || key.ValueGenerated == ValueGenerated.Never).ToList();
        var names = string.Join(", ", columns.Select(Column));
        var values = string.Join(", ", columns.Select((_, i) => $"@p{i}"));
        return Create($"INSERT INTO {Table(entity)} ({names}) VALUES ({values}) RETURNING {Column(key)}", columns, key);
    }

    private Statement UpdateStatement(IEntityType entity, string[] names)
    {
        var key = entity.FindPrimaryKey()!.Properties.Single();
        var columns = names.Select(n => entity.FindProperty(n) ?? throw new InvalidOperationException($"{entity.ClrType.Name} has no {n}.")).ToList();
        var set = string.Join(", ", columns.Select((c, i) => $"{Column(c)} = @p{i}"));
        return Create($"UPDATE {Table(entity)} SET {set} WHERE {Column(key)} = @p{columns.Count}", [.. columns, key], key: null);
    }

    private Statement Create(string sql, List<IProperty> columns, IProperty? key)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        var values = new List<(DbParameter, Func<object, object?>)>(columns.Count);
        foreach (var (column, i) in columns.Select((c, i) => (c, i)))
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"@p{i}";
            command.Parameters.Add(parameter);
            values.Add((parameter, ProviderValue(column)));
        }
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.Prepare();
        return new Statement(command, values, key);
    }

    private static Func<object, object?> ProviderValue(IProperty property)
    {
        var getter = property.GetGetter();
        var converter = property.GetTypeMapping().Converter;
        return row => getter.GetClrValueUsingContainingEntity(row) is { } value ? converter is null ? value : converter.ConvertToProvider(value) : null;
    }

    private static string Table(IEntityType entity) => $"\"{entity.GetTableName()}\"";

    private static string Column(IProperty property) => $"\"{property.GetColumnName()}\"";

    public void Dispose()
    {
        foreach (var statement in _statements.Values) statement.Command.Dispose();
        _statements.Clear();
    }

    private sealed record Statement(DbCommand Command, List<(DbParameter Parameter, Func<object, object?> Value)> Values, IProperty? Key)
    {
        public DbCommand Run(object row)
        {
            foreach (var (parameter, value) in Values) parameter.Value = value(row) ?? DBNull.Value;
            return Command;
        }
    }
}
