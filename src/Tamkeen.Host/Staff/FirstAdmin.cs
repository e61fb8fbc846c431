using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Tamkeen.Host.Staff;

/// <summary>
/// On a first start (no account at all) creates the account "admin" and writes its one-time password to the log, once:
/// the next start finds the account and says nothing. Runs after the migrator, before the web server takes requests.
/// </summary>
public sealed class FirstAdmin(IServiceScopeFactory scopes, ILogger<FirstAdmin> logger) : IHostedService
{
    public const string Name = "admin";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        if (await users.Users.AnyAsync(cancellationToken)) return;
        var (password, errors) = await StaffAccounts.CreateAsync(users, scope.ServiceProvider.GetRequiredService<AuditLog>(),
            Name, StaffRoles.Admin, "first start", cancellationToken);
        if (password is null)
        {
            logger.LogError("The first staff account could not be created: {Errors}", string.Join(" ", errors.Select(e => e.Description)));
            return;
        }
        logger.LogWarning(
            "First start: staff account {StaffName} created with the one-time password {OneTimePassword} (shown only this once). " +
            "Sign in at /staff/signin and choose a new password; add more accounts with `staff add NAME --role staff|manager|admin`.",
            Name, password);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
