using System.Text.Json;
using Upward.Core.Bundles;

namespace Upward.Core.Tests.Bundles;

/// <summary>The writer is deterministic and writes nothing that could name a participant.</summary>
public sealed class BundleWriterTests
{
    [Fact]
    public void Read_write_read_write_gives_identical_bytes()
    {
        byte[] first = BundleWriter.Write(PilotBundle.Read());
        byte[] second = BundleWriter.Write(BundleReader.Read(System.Text.Encoding.UTF8.GetString(first)));

        Assert.Equal(first, second);
    }

    [Fact]
    public void Row_order_in_the_input_does_not_change_the_output()
    {
        var bundle = PilotBundle.Read();
        var shuffled = bundle with
        {
            Participants = [.. bundle.Participants.Reverse()],
            Answers = [.. bundle.Answers.Reverse()],
            Instruments = [.. bundle.Instruments.Reverse()],
            Willingness = [.. bundle.Willingness.Reverse()],
            Sessions = [.. bundle.Sessions.Reverse()],
        };

        Assert.Equal(BundleWriter.Write(bundle), BundleWriter.Write(shuffled));
    }

    [Fact]
    public void Participants_carry_only_codes_roles_stages_and_bands()
    {
        using var written = JsonDocument.Parse(BundleWriter.Write(PilotBundle.WithThemes()));

        var allowed = new HashSet<string> { "code", "role", "withdrawn_at_stage", "demographics", "may_be_quoted" };
        foreach (var participant in written.RootElement.GetProperty("participants").EnumerateArray())
        {
            Assert.All(participant.EnumerateObject(), p => Assert.Contains(p.Name, allowed));
        }
        Assert.DoesNotContain(AllPropertyNames(written.RootElement), n => n is "email" or "user_id" or "first_name" or "last_name" or "display_name");
    }

    private static IEnumerable<string> AllPropertyNames(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => AllPropertyNames(p.Value).Prepend(p.Name)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(AllPropertyNames),
        _ => [],
    };
}
