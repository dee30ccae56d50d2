using Microsoft.EntityFrameworkCore;

namespace Upward.Data;

/// <summary>The PostgreSQL flavour of <see cref="UpwardDbContext"/>: owns Migrations/Postgres.</summary>
public sealed class PostgresUpwardDbContext(DbContextOptions<PostgresUpwardDbContext> options) : UpwardDbContext(options);
