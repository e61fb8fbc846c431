using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Tamkeen.Host.Settings;

/// <summary>ConnectionStrings:Tamkeen, a SQLite connection string.</summary>
public sealed class DatabaseOptions
{
    public string ConnectionString { get; set; } = "";

    public string DataSource => new SqliteConnectionStringBuilder(ConnectionString).DataSource;

    public sealed class Validator : IValidateOptions<DatabaseOptions>
    {
        public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
        {
            try
            {
                return string.IsNullOrWhiteSpace(options.DataSource)
                    ? ValidateOptionsResult.Fail("ConnectionStrings:Tamkeen must name a SQLite file, e.g. \"Data Source=data/tamkeen.db\".")
                    : ValidateOptionsResult.Success;
            }
            catch (ArgumentException e)
            {
                return ValidateOptionsResult.Fail($"ConnectionStrings:Tamkeen is not a valid SQLite connection string: {e.Message}");
            }
        }
    }
}
