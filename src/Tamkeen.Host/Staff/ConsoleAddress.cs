namespace Tamkeen.Host.Staff;

public static class ConsoleAddress
{
    /// <summary>Only a page of the console: an address elsewhere would send a member of staff to any site.</summary>
    public static string LocalOrHome(string? url) =>
        url is not null && (url == "/staff" || url.StartsWith("/staff/", StringComparison.Ordinal) || url.StartsWith("/staff?", StringComparison.Ordinal))
        && !url.StartsWith("//", StringComparison.Ordinal) && !url.Contains('\\')
            ? url
            : "/staff/";
}
