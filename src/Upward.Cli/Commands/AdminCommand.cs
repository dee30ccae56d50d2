using System.CommandLine;
using Upward.Data;
using Upward.Data.Identity;

namespace Upward.Cli.Commands;

/// <summary>
/// <c>upward admin create</c>: prints a one-time link that creates the first administrator, for
/// servers whose console output nobody reads. There is never a default password.
/// </summary>
internal static class AdminCommand
{
    public static Command Create(CliConsole console)
    {
        var admin = new Command("admin", "Administer an Upward installation.");
        var create = new Command("create", "Print a one-time link (24 hours) that creates the first administrator.");
        var baseUrl = new Option<string>("--base-url") { Description = "the address people use to reach Upward", DefaultValueFactory = _ => "http://127.0.0.1:5000" };
        var arguments = new DatabaseArguments();
        create.Options.Add(baseUrl);
        arguments.AddTo(create);
        create.SetAction(async (parse, ct) =>
        {
            var url = parse.GetValue(baseUrl)!;
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
            {
                throw new CliInputException($"--base-url '{url}' is not an http or https address");
            }
            await using var context = UpwardDbContextFactory.Create(arguments.Read(parse));
            await DatabaseMigrator.MigrateAsync(context, ct);
            var links = new SetupLinks(context, TimeProvider.System);
            if (!await links.IsSetupNeededAsync(ct))
            {
                throw new CliInputException("Upward already has accounts: an administrator can add people from the web pages");
            }
            var token = await links.IssueAsync(ct);
            console.Out.WriteLine($"{url.TrimEnd('/')}/setup?token={token}");
            return CliApp.Ok;
        });
        admin.Subcommands.Add(create);
        return admin;
    }
}
