using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Tamkeen.Host.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the service.</summary>
public sealed class DesignTimeDbFactory : IDesignTimeDbContextFactory<TamkeenDb>
{
    public TamkeenDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<TamkeenDb>().UseSqlite("Data Source=design-time.db").Options);
}
