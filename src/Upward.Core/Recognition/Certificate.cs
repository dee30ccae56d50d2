using System.Security.Cryptography;

namespace Upward.Core.Recognition;

/// <summary>
/// A certificate of a mentor's participation. Anyone holding its code can check it on a public page,
/// which shows only the name, the programme and the date; the code is long and random, so codes
/// cannot be guessed or listed.
/// </summary>
public sealed class Certificate
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid ProgrammeId { get; init; }
    public Guid EnrolmentId { get; init; }
    public required string Code { get; init; }

    /// <summary>The name as it was when the certificate was made, as printed on it.</summary>
    public required string Name { get; init; }
    public DateTime IssuedAtUtc { get; init; }

    public const int CodeLength = 26;

    /// <summary>130 random bits in Crockford's base 32 (no I, L, O or U), easy to read out and type.</summary>
    public static string NewCode()
    {
        const string alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        Span<byte> bytes = stackalloc byte[CodeLength];
        RandomNumberGenerator.Fill(bytes);
        var chars = new char[CodeLength];
        for (var i = 0; i < CodeLength; i++) chars[i] = alphabet[bytes[i] & 31];
        return new string(chars);
    }

    /// <summary>A typed code made comparable: upper case, spaces and dashes gone; null if it cannot be a code.</summary>
    public static string? Normalise(string? typed)
    {
        var code = new string((typed ?? "").Where(c => c is not (' ' or '-')).ToArray()).ToUpperInvariant();
        return code.Length == CodeLength && code.All(c => char.IsAsciiLetterOrDigit(c)) ? code : null;
    }

    /// <summary>The code in groups of five for printing.</summary>
    public static string Grouped(string code) => string.Join('-', code.Chunk(5).Select(c => new string(c)));
}
