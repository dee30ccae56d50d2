using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Upward.Core.Matching;

/// <summary>Interns ids as UTF-8 bytes to dense indices, so a pair's ids are found straight from the JSON buffer.</summary>
/// <remarks>
/// Open addressing with linear probing over one byte pool: no string or array per id. Looking ids
/// up in a string dictionary meant decoding two million ids to UTF-16 for the national instance.
/// </remarks>
internal sealed class Utf8IdTable
{
    private byte[] pool = new byte[1024];
    private int poolUsed;
    private int[] offsets = new int[64];
    private int[] slots = new int[128];
    private int count;

    /// <summary>Adds the id as the next index; false if it is already present.</summary>
    public bool TryAdd(ReadOnlySpan<byte> id)
    {
        if (2 * (count + 1) > slots.Length)
        {
            Rehash(slots.Length * 2);
        }
        var mask = slots.Length - 1;
        var i = (int)Hash(id) & mask;
        while (slots[i] != 0)
        {
            if (Id(slots[i] - 1).SequenceEqual(id))
            {
                return false;
            }
            i = (i + 1) & mask;
        }
        if (poolUsed + id.Length > pool.Length)
        {
            Array.Resize(ref pool, Math.Max(pool.Length * 2, poolUsed + id.Length));
        }
        if (count + 2 > offsets.Length)
        {
            Array.Resize(ref offsets, offsets.Length * 2);
        }
        id.CopyTo(pool.AsSpan(poolUsed));
        offsets[count] = poolUsed;
        poolUsed += id.Length;
        offsets[count + 1] = poolUsed;
        count++;
        slots[i] = count;
        return true;
    }

    /// <summary>The index of the id, or -1 if it was never added.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int IndexOf(ReadOnlySpan<byte> id)
    {
        var mask = slots.Length - 1;
        var i = (int)Hash(id) & mask;
        while (true)
        {
            var slot = slots[i];
            if (slot == 0)
            {
                return -1;
            }
            if (Id(slot - 1).SequenceEqual(id))
            {
                return slot - 1;
            }
            i = (i + 1) & mask;
        }
    }

    private ReadOnlySpan<byte> Id(int index) => pool.AsSpan(offsets[index], offsets[index + 1] - offsets[index]);

    private void Rehash(int size)
    {
        slots = new int[size];
        var mask = size - 1;
        for (var index = 0; index < count; index++)
        {
            var i = (int)Hash(Id(index)) & mask;
            while (slots[i] != 0)
            {
                i = (i + 1) & mask;
            }
            slots[i] = index + 1;
        }
    }

    /// <summary>A fast 64-bit mix of the bytes; ids such as "r00001" differ only at the end, so every byte counts.</summary>
    private static ulong Hash(ReadOnlySpan<byte> bytes)
    {
        var h = 0x9E3779B97F4A7C15UL ^ (ulong)bytes.Length;
        while (bytes.Length >= 8)
        {
            h = (h ^ BinaryPrimitives.ReadUInt64LittleEndian(bytes)) * 0xBF58476D1CE4E5B9UL;
            h ^= h >> 31;
            bytes = bytes[8..];
        }
        ulong tail = 0;
        for (var k = 0; k < bytes.Length; k++)
        {
            tail |= (ulong)bytes[k] << (8 * k);
        }
        h = (h ^ tail) * 0x94D049BB133111EBUL;
        h ^= h >> 29;
        h *= 0xBF58476D1CE4E5B9UL;
        return h ^ (h >> 32);
    }
}
