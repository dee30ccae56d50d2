// The floor for bench/load/run.sh: a minimal ASP.NET Core endpoint that does one INSERT per request
// on the same PostgreSQL as Upward, and nothing else (no sign-in, antiforgery, validation, audit or
// page). Upward's saves per second divided by this one's says what Upward's own work costs.
//   POST /save  respondent=R&item=K&value=V  ->  204 once the row is committed
using Npgsql;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var connection = builder.Configuration["Floor:ConnectionString"]
    ?? throw new InvalidOperationException("Set Floor__ConnectionString");
await using var dataSource = NpgsqlDataSource.Create(connection);

// Both instances run this at start; IF NOT EXISTS makes the second a no-op.
await using (var create = dataSource.CreateCommand(
    "CREATE TABLE IF NOT EXISTS floor_saves (id bigserial PRIMARY KEY, respondent int NOT NULL, item text NOT NULL, value text NOT NULL, saved_at timestamptz NOT NULL DEFAULT now())"))
{
    try { await create.ExecuteNonQueryAsync(); }
    catch (PostgresException e) when (e.SqlState is "23505" or "42P07") { } // the other instance made it first
}

var app = builder.Build();
app.MapPost("/save", async (HttpRequest request) =>
{
    var form = await request.ReadFormAsync();
    await using var insert = dataSource.CreateCommand("INSERT INTO floor_saves (respondent, item, value) VALUES ($1, $2, $3)");
    insert.Parameters.Add(new NpgsqlParameter<int> { TypedValue = int.Parse(form["respondent"].ToString()) });
    insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = form["item"].ToString() });
    insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = form["value"].ToString() });
    await insert.ExecuteNonQueryAsync();
    return Results.NoContent();
});
app.MapGet("/health/ready", () => "ok");
app.Run();
