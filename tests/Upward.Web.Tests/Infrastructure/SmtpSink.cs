using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Upward.Web.Tests.Infrastructure;

/// <summary>
/// A minimal SMTP server on 127.0.0.1 (a free port) that accepts every message and keeps it, so
/// tests can check what Upward's real SMTP client (MailKit) sent. No such package restores here.
/// </summary>
public sealed class SmtpSink : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<string> _messages = [];

    public SmtpSink()
    {
        _listener.Start();
        _ = AcceptLoopAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>
    /// When set, the message after this many kept ones is read but never answered, as by a server that stops
    /// before it accepts: the sender waits for a reply until <see cref="Release"/>, and the message is not kept.
    /// </summary>
    public int? HoldAfter { get; set; }

    private readonly TaskCompletionSource _holding = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when a message is being held.</summary>
    public Task Holding => _holding.Task;

    /// <summary>Drops the held message and its connection, unanswered, and holds no more.</summary>
    public void Release()
    {
        HoldAfter = null;
        _released.TrySetResult();
    }

    /// <summary>How many of the next messages to refuse with a temporary failure (451), as a busy server would.</summary>
    public int RefuseNext { get; set; }

    /// <summary>Raw messages received (headers and body, dot-unstuffed).</summary>
    public IReadOnlyList<string> Messages { get { lock (_messages) return _messages.ToList(); } }

    public IReadOnlyList<MimeKit.MimeMessage> Parsed() =>
        Messages.Select(m => MimeKit.MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(m)))).ToList();

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (Exception) { return; }
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.UTF8);
            await using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 localhost test SMTP sink");
            while (await reader.ReadLineAsync() is { } line)
            {
                var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        await writer.WriteLineAsync("250-localhost");
                        await writer.WriteLineAsync("250 8BITMIME");
                        break;
                    case "MAIL" when RefuseNext > 0:
                        RefuseNext--;
                        await writer.WriteLineAsync("451 4.3.0 try again later");
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 end with <CRLF>.<CRLF>");
                        var message = new StringBuilder();
                        while (await reader.ReadLineAsync() is { } dataLine && dataLine != ".")
                        {
                            message.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine).Append("\r\n");
                        }
                        bool hold;
                        lock (_messages) hold = HoldAfter is { } after && _messages.Count >= after;
                        if (hold)
                        {
                            _holding.TrySetResult();
                            await _released.Task;
                            return;
                        }
                        lock (_messages) _messages.Add(message.ToString());
                        await writer.WriteLineAsync("250 accepted");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 bye");
                        return;
                    default:
                        await writer.WriteLineAsync("250 OK");
                        break;
                }
            }
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
    }
}
