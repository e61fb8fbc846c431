namespace Tamkeen.Host.Settings;

/// <summary>Where the keys that protect the service's cookies are kept (ASP.NET Core Data Protection's key ring).</summary>
public sealed class KeyRingOptions
{
    public const string Section = "DataProtection";

    /// <summary>Empty: a "keys" folder next to the database file, so the keys move and are backed up with the data they open.</summary>
    public string KeysPath { get; set; } = "";

    public string FolderFor(DatabaseOptions database) => Path.GetFullPath(KeysPath.Length > 0
        ? KeysPath
        : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(database.DataSource))!, "keys"));
}
