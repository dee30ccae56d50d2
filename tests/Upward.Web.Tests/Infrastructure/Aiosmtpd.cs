using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Upward.Web.Tests.Infrastructure;

/// <summary>
/// A real SMTP server from a package (Debian's python3-aiosmtpd), started on a free loopback port and
/// keeping every message it accepts in a maildir, so tests see exactly what a mail server received.
/// (<see cref="SmtpSink"/> stays for what a stock server will not do on cue: refuse or hold a message.)
/// </summary>
public sealed class Aiosmtpd : IDisposable
{
    private readonly Process _server;
    private readonly string _maildir = Path.Combine(Path.GetTempPath(), "upward-tests", "maildir-" + Guid.NewGuid().ToString("N"));

    public Aiosmtpd()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        // A maildir's three folders: the server's handler writes into them but does not make them.
        foreach (var sub in new[] { "tmp", "new", "cur" }) Directory.CreateDirectory(Path.Combine(_maildir, sub));
        var start = new ProcessStartInfo("/usr/bin/python3", ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "aiosmtpd.handlers.Mailbox", _maildir])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        _server = Process.Start(start) ?? throw new InvalidOperationException("python3 -m aiosmtpd did not start; install python3-aiosmtpd");
        _server.OutputDataReceived += (_, _) => { };
        _server.ErrorDataReceived += (_, _) => { };
        _server.BeginOutputReadLine();
        _server.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !_server.HasExited)
            {
                Thread.Sleep(100);
            }
        }
    }

    public int Port { get; }

    /// <summary>The messages the server has accepted so far, in the order it wrote them.</summary>
    public IReadOnlyList<MimeKit.MimeMessage> Received()
    {
        var folder = new DirectoryInfo(Path.Combine(_maildir, "new"));
        return folder.Exists
            ? folder.GetFiles().OrderBy(f => f.LastWriteTimeUtc).ThenBy(f => f.Name).Select(f => MimeKit.MimeMessage.Load(f.FullName)).ToList()
            : [];
    }

    private bool _disposed;

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        if (!_server.HasExited) _server.Kill(entireProcessTree: true);
        _server.Dispose();
        if (Directory.Exists(_maildir)) Directory.Delete(_maildir, recursive: true);
    }
}
