using System.Buffers;
using System.Data.Common;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Tamkeen.Host.Data;

/// <summary>
/// Inserts and updates of rows as statements prepared once on the writer's connection, run at once in its
/// transaction. EF Core's SaveChanges builds, batches and writes the SQL of every row anew, and SQLite parses it
/// anew: for the inbox and outbox rows of every message that was half of the writer's time.
/// The columns, their names and their conversions (enums as text, times in binary, complex parts as JSON with EF Core's
/// own JSON writers) come from EF Core's model, so the rows read back exactly as if EF Core had written them.
/// </summary>
/// <remarks>Only the writer's change functions use these; a row written here is not tracked by the context.</remarks>
public sealed class RowStatements(TamkeenDb db) : IDisposable
{
    private readonly Dictionary<(Type Type, string Columns), Statement> _statements = [];
    private readonly ArrayBufferWriter<byte> _json = new();
    private readonly Utf8JsonWriter _jsonWriter = new(Stream.Null);

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

    /// <summary>Writes every column of the row now, if it still has the concurrency token it was read with.</summary>
    /// <param name="readToken">The value of the row's concurrency token when it was read (the row holds the new one).</param>
    public void Replace<T>(T row, object readToken) where T : class
    {
        var statement = Prepared(typeof(T), "*", () => ReplaceStatement(Entity<T>()));
        var command = statement.Run(row);
        command.Parameters[^1].Value = readToken;
        if (command.ExecuteNonQuery() != 1)
            throw new DbUpdateConcurrencyException($"The {typeof(T).Name} row was changed or removed since it was read.");
    }

    /// <summary>
    /// Inserts the row, or, when a row with the same values in the <paramref name="unique"/> columns is there (their
    /// unique index), writes the row's other columns over it.
    /// </summary>
    /// <param name="unique">A fixed list (one statement is prepared per list): its identity names the statement.</param>
    public void Upsert<T>(T row, string[] unique) where T : class
    {
        var statement = Prepared(typeof(T), "upsert:" + string.Join(',', unique), () => UpsertStatement(Entity<T>(), unique));
        statement.Run(row).ExecuteNonQuery();
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
        var columns = Columns(entity).Where(c => c.Property != key || key.ValueGenerated == ValueGenerated.Never).ToList();
        return Create($"{InsertInto(entity, columns)} RETURNING {Column(key)}", columns, key);
    }

    private static string InsertInto(IEntityType entity, List<TableColumn> columns) =>
        $"INSERT INTO {Table(entity)} ({string.Join(", ", columns.Select(c => c.Name))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})";

    private Statement UpdateStatement(IEntityType entity, string[] names)
    {
        var key = entity.FindPrimaryKey()!.Properties.Single();
        var columns = names.Select(n => entity.FindProperty(n) ?? throw new InvalidOperationException($"{entity.ClrType.Name} has no {n}."))
            .Select(ColumnOf).ToList();
        var set = string.Join(", ", columns.Select((c, i) => $"{c.Name} = @p{i}"));
        return Create($"UPDATE {Table(entity)} SET {set} WHERE {Column(key)} = @p{columns.Count}", [.. columns, ColumnOf(key)], key: null);
    }

    private Statement UpsertStatement(IEntityType entity, string[] unique)
    {
        var key = entity.FindPrimaryKey()!.Properties.Single();
        var columns = Columns(entity).Where(c => c.Property != key).ToList();
        var conflict = unique.Select(n => Column(entity.FindProperty(n) ?? throw new InvalidOperationException($"{entity.ClrType.Name} has no {n}."))).ToList();
        var set = string.Join(", ", columns.Where(c => !conflict.Contains(c.Name)).Select(c => $"{c.Name} = excluded.{c.Name}"));
        return Create($"{InsertInto(entity, columns)} ON CONFLICT ({string.Join(", ", conflict)}) DO UPDATE SET {set}", columns, key: null);
    }

    private Statement ReplaceStatement(IEntityType entity)
    {
        var key = entity.FindPrimaryKey()!.Properties.Single();
        var token = entity.GetProperties().Single(p => p.IsConcurrencyToken);
        var columns = Columns(entity).Where(c => c.Property != key).ToList();
        var set = string.Join(", ", columns.Select((c, i) => $"{c.Name} = @p{i}"));
        // The last parameter, the token as read, is set by Replace.
        var sql = $"UPDATE {Table(entity)} SET {set} WHERE {Column(key)} = @p{columns.Count} AND {Column(token)} = @p{columns.Count + 1}";
        return Create(sql, [.. columns, ColumnOf(key), new TableColumn(Column(token), token, _ => null)], key: null);
    }

    private Statement Create(string sql, List<TableColumn> columns, IProperty? key)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        var values = new List<(DbParameter, Func<object, object?>)>(columns.Count);
        foreach (var (column, i) in columns.Select((c, i) => (c, i)))
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"@p{i}";
            command.Parameters.Add(parameter);
            values.Add((parameter, column.Value));
        }
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.Prepare();
        return new Statement(command, values, key);
    }

    /// <summary>The row's columns: its own properties, then each complex part kept as JSON in a column of its own.</summary>
    private IEnumerable<TableColumn> Columns(IEntityType entity) =>
        entity.GetProperties().Select(ColumnOf).Concat(entity.GetComplexProperties().Select(JsonColumnOf));

    private static TableColumn ColumnOf(IProperty property)
    {
        var getter = property.GetGetter();
        var converter = property.GetTypeMapping().Converter;
        return new TableColumn(Column(property), property,
            row => getter.GetClrValueUsingContainingEntity(row) is { } value ? converter is null ? value : converter.ConvertToProvider(value) : null);
    }

    private TableColumn JsonColumnOf(IComplexProperty part)
    {
        var name = part.ComplexType.GetContainerColumnName()
            ?? throw new InvalidOperationException($"{part.Name} is not kept as JSON; only JSON parts are written here.");
        var getter = part.GetGetter();
        var write = JsonWriterOf(part);
        return new TableColumn($"\"{name}\"", null, row => getter.GetClrValueUsingContainingEntity(row) is { } value ? Json(write, value) : null);
    }

    /// <summary>One buffer and writer for every JSON part: only the writer's loop runs these statements.</summary>
    private string Json(Action<Utf8JsonWriter, object> write, object value)
    {
        _json.ResetWrittenCount();
        _jsonWriter.Reset(_json);
        write(_jsonWriter, value);
        _jsonWriter.Flush();
        return Encoding.UTF8.GetString(_json.WrittenSpan);
    }

    /// <summary>
    /// Writes a JSON part as EF Core does: every property by its JSON name, through its type mapping's JSON writer. The
    /// names, getters and writers are looked up in the model once, here, not for every row.
    /// </summary>
    private static Action<Utf8JsonWriter, object> JsonWriterOf(IComplexProperty part)
    {
        var writeObject = ObjectWriterOf(part.ComplexType);
        if (!part.IsCollection) return writeObject;
        return (writer, value) =>
        {
            writer.WriteStartArray();
            foreach (var element in (System.Collections.IEnumerable)value) writeObject(writer, element);
            writer.WriteEndArray();
        };
    }

    private static Action<Utf8JsonWriter, object> ObjectWriterOf(IComplexType type)
    {
        var fields = type.GetProperties().Select(p =>
        {
            var json = (p.GetJsonValueReaderWriter() ?? p.GetTypeMapping().JsonValueReaderWriter)!;
            return (Name: JsonEncodedText.Encode(p.GetJsonPropertyName()!), Getter: p.GetGetter(), Write: (Action<Utf8JsonWriter, object>)json.ToJson);
        }).Concat(type.GetComplexProperties().Select(inner =>
            (Name: JsonEncodedText.Encode(inner.ComplexType.GetJsonPropertyName()!), Getter: inner.GetGetter(), Write: JsonWriterOf(inner)))).ToArray();
        return (writer, value) =>
        {
            writer.WriteStartObject();
            foreach (var (name, getter, write) in fields)
            {
                writer.WritePropertyName(name);
                if (getter.GetClrValue(value) is { } field) write(writer, field);
                else writer.WriteNullValue();
            }
            writer.WriteEndObject();
        };
    }

    private static string Table(IEntityType entity) => $"\"{entity.GetTableName()}\"";

    private static string Column(IProperty property) => $"\"{property.GetColumnName()}\"";

    private sealed record TableColumn(string Name, IProperty? Property, Func<object, object?> Value);

    public void Dispose()
    {
        foreach (var statement in _statements.Values) statement.Command.Dispose();
        _statements.Clear();
        _jsonWriter.Dispose();
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
