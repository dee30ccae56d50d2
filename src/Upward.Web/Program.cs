using Upward.Web.Startup;

await UpwardApp.Build(args).RunAsync();

/// <summary>Entry point; public so that tests can host the real app.</summary>
public partial class Program;
