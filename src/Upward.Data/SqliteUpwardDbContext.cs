using Microsoft.EntityFrameworkCore;

namespace Upward.Data;

/// <summary>The SQLite flavour of <see cref="UpwardDbContext"/>: owns Migrations/Sqlite.</summary>
public sealed class SqliteUpwardDbContext(DbContextOptions<SqliteUpwardDbContext> options) : UpwardDbContext(options);
