using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Upward.Data;

// Used only by `dotnet ef migrations add`; the connection strings are never opened.

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteUpwardDbContext>
{
    public SqliteUpwardDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteUpwardDbContext>().UseSqlite(DatabaseOptions.DefaultSqliteConnection).Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresUpwardDbContext>
{
    public PostgresUpwardDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresUpwardDbContext>().UseNpgsql("Host=localhost;Database=upward_design").Options);
}
