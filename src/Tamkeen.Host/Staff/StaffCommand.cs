using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Tamkeen.Host.Data;

namespace Tamkeen.Host.Staff;

/// <summary>
/// <c>staff add NAME --role staff|manager|admin [settings…]</c>: creates an account on the service's database and prints
/// its one-time password, to be changed at the first sign-in; the web server is not started.
/// </summary>
public static class StaffCommand
{
    private const string Usage = "usage: staff add NAME --role staff|manager|admin [--ConnectionStrings:Tamkeen=\"Data Source=…\"]";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        if (args is not ["add", var name, "--role", var role, .. var settings] || name.StartsWith('-') || !StaffRoles.IsRole(role))
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }
        try
        {
            await using var app = TamkeenApp.Build(settings, builder => builder.Logging.ClearProviders());
            await ActivatorUtilities.CreateInstance<DatabaseMigrator>(app.Services).StartAsync(CancellationToken.None);
            await using var scope = app.Services.CreateAsyncScope();
            var (password, errors) = await StaffAccounts.CreateAsync(scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>(),
                scope.ServiceProvider.GetRequiredService<AuditLog>(), name, role, "staff add command", CancellationToken.None);
            if (password is null)
            {
                await error.WriteLineAsync($"The account {name} was not created: {string.Join(" ", errors.Select(e => e.Description))}");
                return 1;
            }
            await output.WriteLineAsync($"Account {name} ({role}) created. One-time password: {password}");
            await output.WriteLineAsync("It is shown only now. Sign in at /staff/signin; a new password is asked at once.");
            return 0;
        }
        catch (Exception e) when (e is InvalidOperationException or OptionsValidationException)
        {
            await error.WriteLineAsync(e.Message);
            return 1;
        }
    }
}
