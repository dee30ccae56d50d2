using System.Buffers.Binary;
using System.Text;

namespace Upward.Core.PhaseOne;

/// <summary>
/// A mentor's comments about one mentee as bytes to be encrypted: always exactly
/// <see cref="LengthFor"/> bytes for the programme's number of domains, whatever was written, so
/// the ciphertext's length cannot be matched with the length of a text released later.
/// </summary>
public static class SealedBallot
{
    /// <summary>The longest comment on one domain, in UTF-16 characters (the contribution form's limit).</summary>
    public const int TextLimit = 4000;

    private const byte Version = 1;

    // A UTF-16 code unit never takes more than three UTF-8 bytes (a surrogate pair: two units, four bytes).
    private const int MaxTextBytes = TextLimit * 3;
    private const int ItemBytes = 16 + 1 + 4 + MaxTextBytes;
    private const int HeaderBytes = 1 + 4;

    /// <summary>The length of every ballot in a programme with <paramref name="domainCount"/> domains.</summary>
    public static int LengthFor(int domainCount) => HeaderBytes + Math.Max(1, domainCount) * ItemBytes;

    /// <summary>The ballot's bytes, padded with zeros to <see cref="LengthFor"/>.</summary>
    public static byte[] Write(IReadOnlyList<AnonymousContribution> contributions, int domainCount)
    {
        if (contributions.Count > Math.Max(1, domainCount))
        {
            throw new ArgumentException("A ballot holds at most one comment per domain.", nameof(contributions));
        }
        var bytes = new byte[LengthFor(domainCount)];
        bytes[0] = Version;
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(1), contributions.Count);
        var at = HeaderBytes;
        foreach (var c in contributions)
        {
            if (c.Text.Length > TextLimit) throw new ArgumentException($"A comment is at most {TextLimit} characters.", nameof(contributions));
            if (!Rating.IsValid(c.Rating)) throw new ArgumentException("A rating is from 1 to 5, or none.", nameof(contributions));
            c.DomainId.TryWriteBytes(bytes.AsSpan(at));
            bytes[at + 16] = (byte)(c.Rating ?? 0);
            var length = Encoding.UTF8.GetBytes(c.Text, bytes.AsSpan(at + 21));
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(at + 17), length);
            at += 21 + length;
        }
        return bytes;
    }

    /// <summary>The comments in a ballot, as contributions about <paramref name="menteeEnrolmentId"/> with fresh random ids.</summary>
    public static IReadOnlyList<AnonymousContribution> Read(ReadOnlySpan<byte> bytes, Guid programmeId, Guid menteeEnrolmentId, ContributionSource source = ContributionSource.Mentor)
    {
        if (bytes.Length < HeaderBytes || bytes[0] != Version)
        {
            throw new FormatException("Not a sealed ballot of a version this Upward reads.");
        }
        var count = BinaryPrimitives.ReadInt32LittleEndian(bytes[1..]);
        var list = new List<AnonymousContribution>(count);
        var at = HeaderBytes;
        for (var i = 0; i < count; i++)
        {
            var domain = new Guid(bytes.Slice(at, 16));
            var rating = bytes[at + 16];
            var length = BinaryPrimitives.ReadInt32LittleEndian(bytes[(at + 17)..]);
            var text = Encoding.UTF8.GetString(bytes.Slice(at + 21, length));
            list.Add(new AnonymousContribution { ProgrammeId = programmeId, MenteeEnrolmentId = menteeEnrolmentId, DomainId = domain, Text = text, Rating = rating == 0 ? null : rating, Source = source });
            at += 21 + length;
        }
        return list;
    }
}
