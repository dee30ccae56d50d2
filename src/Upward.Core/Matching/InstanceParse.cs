using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace Upward.Core.Matching;

/// <summary>The state of reading one instance document: ids seen so far and the pairs gathered.</summary>
internal sealed class InstanceParse
{
    private readonly List<string> mentorIds = [];
    private readonly List<int> capacities = [];
    private readonly List<string> menteeIds = [];
    private readonly Utf8IdTable mentorIndex = new();
    private readonly Utf8IdTable menteeIndex = new();
    private byte[] idBuffer = new byte[256];
    private int[] pairMentors = [];
    private int[] pairMentees = [];
    private int[] pairWeights = [];
    private int pairCount;

    public MatchingInstance Run(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = 64 });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new MatchingInputException("the instance must be a JSON object");
        }
        string? format = null;
        int? version = null;
        bool sawMentors = false, sawMentees = false, sawPairs = false;
        var deferredPairs = default(Utf8JsonReader);
        var pairsDeferred = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("format"u8))
            {
                reader.Read();
                format = reader.TokenType == JsonTokenType.String ? reader.GetString() : "(not a string)";
                if (format != MatchingInstanceReader.Format)
                {
                    throw new MatchingInputException($"format is '{format}', expected '{MatchingInstanceReader.Format}'");
                }
            }
            else if (reader.ValueTextEquals("version"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var v) || v != MatchingInstanceReader.Version)
                {
                    throw new MatchingInputException($"version must be {MatchingInstanceReader.Version}");
                }
                version = v;
            }
            else if (reader.ValueTextEquals("mentors"u8))
            {
                reader.Read();
                ReadMentors(ref reader);
                sawMentors = true;
            }
            else if (reader.ValueTextEquals("mentees"u8))
            {
                reader.Read();
                ReadMentees(ref reader);
                sawMentees = true;
            }
            else if (reader.ValueTextEquals("pairs"u8))
            {
                reader.Read();
                sawPairs = true;
                if (sawMentors && sawMentees)
                {
                    ReadPairs(ref reader, utf8.Length);
                }
                else
                {
                    // Pairs before the people they name: come back to them once the ids are known.
                    deferredPairs = reader;
                    pairsDeferred = true;
                    reader.Skip();
                }
            }
            else
            {
                // Unknown properties are ignored so that later versions can add fields.
                reader.Read();
                reader.Skip();
            }
        }
        if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
        {
            throw new MatchingInputException("malformed JSON: content after the instance object");
        }
        if (format is null)
        {
            throw new MatchingInputException($"format is missing, expected '{MatchingInstanceReader.Format}'");
        }
        if (version is null)
        {
            throw new MatchingInputException($"version is missing, expected {MatchingInstanceReader.Version}");
        }
        if (!sawMentors || !sawMentees || !sawPairs)
        {
            var missing = !sawMentors ? "mentors" : !sawMentees ? "mentees" : "pairs";
            throw new MatchingInputException($"the instance has no '{missing}' list");
        }
        if (pairsDeferred)
        {
            ReadPairs(ref deferredPairs, utf8.Length);
        }

        return MatchingInstance.Adopt(
            [.. mentorIds], [.. capacities], [.. menteeIds],
            pairMentors[..pairCount], pairMentees[..pairCount], pairWeights[..pairCount]);
    }

    private static void ExpectArray(ref Utf8JsonReader reader, string name)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new MatchingInputException($"'{name}' must be a list");
        }
    }

    private static void ExpectObject(ref Utf8JsonReader reader, string name, int index)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new MatchingInputException($"{name}[{index}]: expected an object");
        }
    }

    private void ReadMentors(ref Utf8JsonReader reader)
    {
        ExpectArray(ref reader, "mentors");
        var index = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            ExpectObject(ref reader, "mentors", index);
            string? id = null;
            long? capacity = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("id"u8))
                {
                    reader.Read();
                    id = ReadId(ref reader, "mentors", index);
                }
                else if (reader.ValueTextEquals("capacity"u8))
                {
                    reader.Read();
                    if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt64(out var c))
                    {
                        throw new MatchingInputException($"mentors[{index}]: capacity must be a whole number");
                    }
                    capacity = c;
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }
            if (id is null)
            {
                throw new MatchingInputException($"mentors[{index}]: missing id");
            }
            if (capacity is not { } value)
            {
                throw new MatchingInputException($"mentors[{index}] ('{id}'): missing capacity");
            }
            if (value < 0)
            {
                throw new MatchingInputException($"mentors[{index}] ('{id}'): capacity {value} is negative");
            }
            if (!mentorIndex.TryAdd(Utf8(id)))
            {
                throw new MatchingInputException($"mentors[{index}]: duplicate mentor id '{id}'");
            }
            mentorIds.Add(id);
            // Nobody can take more mentees than are willing, so a vast capacity means "no limit".
            capacities.Add((int)Math.Min(value, int.MaxValue));
            index++;
        }
    }

    private void ReadMentees(ref Utf8JsonReader reader)
    {
        ExpectArray(ref reader, "mentees");
        var index = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            ExpectObject(ref reader, "mentees", index);
            string? id = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("id"u8))
                {
                    reader.Read();
                    id = ReadId(ref reader, "mentees", index);
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }
            if (id is null)
            {
                throw new MatchingInputException($"mentees[{index}]: missing id");
            }
            if (!menteeIndex.TryAdd(Utf8(id)))
            {
                throw new MatchingInputException($"mentees[{index}]: duplicate mentee id '{id}'");
            }
            menteeIds.Add(id);
            index++;
        }
    }

    private static string ReadId(ref Utf8JsonReader reader, string list, int index)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new MatchingInputException($"{list}[{index}]: id must be a string");
        }
        var id = reader.GetString()!;
        if (id.Length == 0)
        {
            throw new MatchingInputException($"{list}[{index}]: missing id (it is empty)");
        }
        return id;
    }

    // Run once per command on big inputs: compile optimised at once rather than waiting for tiering.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ReadPairs(ref Utf8JsonReader reader, int documentLength)
    {
        ExpectArray(ref reader, "pairs");
        // A pair takes at least ~40 bytes of JSON; start near the likely count so growth is rare.
        Grow(Math.Max(16, documentLength / 64));
        var index = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            ExpectObject(ref reader, "pairs", index);
            int mentor = -1, mentee = -1, weight = -1;
            bool sawMentor = false, sawMentee = false, sawWeight = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("mentor"u8))
                {
                    reader.Read();
                    mentor = Lookup(ref reader, mentorIndex, index, "mentor");
                    sawMentor = true;
                }
                else if (reader.ValueTextEquals("mentee"u8))
                {
                    reader.Read();
                    mentee = Lookup(ref reader, menteeIndex, index, "mentee");
                    sawMentee = true;
                }
                else if (reader.ValueTextEquals("weight"u8))
                {
                    reader.Read();
                    if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out weight))
                    {
                        throw new MatchingInputException($"pairs[{index}]: weight must be a whole number from 0 to {MatchingInstance.MaxWeight}");
                    }
                    if (weight is < 0 or > MatchingInstance.MaxWeight)
                    {
                        throw new MatchingInputException($"pairs[{index}]: weight {weight} is outside 0-{MatchingInstance.MaxWeight}");
                    }
                    sawWeight = true;
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }
            if (!sawMentor || !sawMentee || !sawWeight)
            {
                var missing = !sawMentor ? "mentor" : !sawMentee ? "mentee" : "weight";
                throw new MatchingInputException($"pairs[{index}]: missing {missing}");
            }
            if (pairCount == pairMentors.Length)
            {
                Grow(pairCount * 2);
            }
            pairMentors[pairCount] = mentor;
            pairMentees[pairCount] = mentee;
            pairWeights[pairCount] = weight;
            pairCount++;
            index++;
        }
    }

    // Run once per command on big inputs: compile optimised at once rather than waiting for tiering.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Lookup(ref Utf8JsonReader reader, Utf8IdTable ids, int index, string role)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new MatchingInputException($"pairs[{index}]: {role} must be a string id");
        }
        // The input is one contiguous buffer, so ValueSpan holds the whole token; only escapes need copying.
        var id = reader.ValueSpan;
        if (reader.ValueIsEscaped)
        {
            if (id.Length > idBuffer.Length)
            {
                idBuffer = new byte[Math.Max(id.Length, idBuffer.Length * 2)];
            }
            id = idBuffer.AsSpan(0, reader.CopyString(idBuffer));
        }
        var found = ids.IndexOf(id);
        if (found < 0)
        {
            throw new MatchingInputException($"pairs[{index}]: unknown {role} '{reader.GetString()}'");
        }
        return found;
    }

    /// <summary>The id's UTF-8 bytes, as an unescaped JSON string token holds them.</summary>
    private ReadOnlySpan<byte> Utf8(string id)
    {
        var length = Encoding.UTF8.GetMaxByteCount(id.Length);
        if (length > idBuffer.Length)
        {
            idBuffer = new byte[length];
        }
        return idBuffer.AsSpan(0, Encoding.UTF8.GetBytes(id, idBuffer));
    }

    private void Grow(int size)
    {
        if (size <= pairMentors.Length)
        {
            return;
        }
        Array.Resize(ref pairMentors, size);
        Array.Resize(ref pairMentees, size);
        Array.Resize(ref pairWeights, size);
    }
}
