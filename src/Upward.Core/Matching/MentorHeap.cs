namespace Upward.Core.Matching;

/// <summary>A binary min-heap of (distance, mentor) for Dijkstra; stale entries are skipped by the caller.</summary>
/// <remarks>Lazy deletion instead of decrease-key keeps it to two arrays and no position index.</remarks>
internal sealed class MentorHeap
{
    private long[] keys = new long[64];
    private int[] mentors = new int[64];

    /// <summary>The number of entries.</summary>
    public int Count { get; private set; }

    /// <summary>Adds an entry.</summary>
    public void Push(long key, int mentor)
    {
        if (Count == keys.Length)
        {
            Array.Resize(ref keys, Count * 2);
            Array.Resize(ref mentors, Count * 2);
        }
        var i = Count++;
        // Ties fall out by the push sequence, which is itself deterministic, so output stays byte-identical.
        while (i > 0)
        {
            var parent = (i - 1) >> 1;
            if (keys[parent] <= key)
            {
                break;
            }
            keys[i] = keys[parent];
            mentors[i] = mentors[parent];
            i = parent;
        }
        keys[i] = key;
        mentors[i] = mentor;
    }

    /// <summary>Removes and returns the entry with the smallest key.</summary>
    public (long Key, int Mentor) Pop()
    {
        var top = (keys[0], mentors[0]);
        var n = --Count;
        var key = keys[n];
        var mentor = mentors[n];
        var i = 0;
        while (true)
        {
            var child = 2 * i + 1;
            if (child >= n)
            {
                break;
            }
            if (child + 1 < n && keys[child + 1] < keys[child])
            {
                child++;
            }
            if (keys[child] >= key)
            {
                break;
            }
            keys[i] = keys[child];
            mentors[i] = mentors[child];
            i = child;
        }
        keys[i] = key;
        mentors[i] = mentor;
        return top;
    }

    /// <summary>Empties the heap, keeping its storage.</summary>
    public void Clear() => Count = 0;
}
