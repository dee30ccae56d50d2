using Upward.Data;
using Upward.Web.Startup;

try
{
    await UpwardApp.Build(args).RunAsync();
}
catch (UnknownSchemaException e)
{
    // Not a crash to debug but a database to replace: say so in one line.
    await Console.Error.WriteLineAsync($"upward: {e.Message}");
    Environment.ExitCode = 2;
}

/// <summary>Entry point; public so that tests can host the real app.</summary>
public partial class Program;
