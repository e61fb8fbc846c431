using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Tamkeen.Host.Tests;

/// <summary>
/// Where the third-party emulators live (tests/emulators) and what starting one needs: the npm packages, installed from
/// the lock file on first use (as `.ci/run` does), and a free loopback port.
/// </summary>
public static class Emulators
{
    private static readonly Lazy<Task> Installed = new(InstallAsync);

    public static string RepositoryRoot { get; } = FindRepositoryRoot();
    public static string Folder => Path.Combine(RepositoryRoot, "tests", "emulators");

    public static Task EnsureInstalledAsync() => Installed.Value;

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task InstallAsync()
    {
        if (File.Exists(Path.Combine(Folder, "node_modules", ".package-lock.json"))) return;
        using var npm = Process.Start(new ProcessStartInfo("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"])
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("npm could not be started; install Node.js and npm.");
        var output = npm.StandardOutput.ReadToEndAsync();
        var errors = npm.StandardError.ReadToEndAsync();
        await npm.WaitForExitAsync();
        if (npm.ExitCode != 0)
            throw new InvalidOperationException($"`npm ci` in {Folder} failed ({npm.ExitCode}): {await errors}{await output}");
    }

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "Tamkeen.sln"))) return folder.FullName;
        throw new InvalidOperationException("Tamkeen.sln not found above " + AppContext.BaseDirectory);
    }
}
