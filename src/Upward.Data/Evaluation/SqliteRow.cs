using System.Runtime.InteropServices;
using SQLitePCL;

namespace Upward.Data.Evaluation;

/// <summary>
/// Reads the columns of a SQLite statement's current row in place. Through SQLitePCL each call
/// counts a SafeHandle reference and crosses into native code at about 30 ns, which was a third of
/// reading two million answers. When SQLitePCL runs the e_sqlite3 library that EF's SQLite provider
/// ships, the same library is called directly: these column functions only read the current row,
/// never block and never call back, so they may skip the GC transition.
/// </summary>
internal readonly unsafe struct SqliteRow
{
    private const string Library = "e_sqlite3";

    private readonly sqlite3_stmt _statement;
    private readonly IntPtr _handle;

    /// <summary>The statement's handle must stay referenced (<see cref="SafeHandle.DangerousAddRef"/>) while the row is read.</summary>
    public SqliteRow(sqlite3_stmt statement, bool direct)
    {
        _statement = statement;
        _handle = direct ? statement.DangerousGetHandle() : IntPtr.Zero;
    }

    /// <summary>Whether the library SQLitePCL loaded is the one this type calls directly.</summary>
    public static bool CanCallDirectly => raw.GetNativeLibraryName() == Library;

    public bool IsNull(int column) =>
        (_handle != IntPtr.Zero ? sqlite3_column_type(_handle, column) : raw.sqlite3_column_type(_statement, column)) == raw.SQLITE_NULL;

    public int Int(int column) => _handle != IntPtr.Zero ? sqlite3_column_int(_handle, column) : raw.sqlite3_column_int(_statement, column);

    /// <summary>The value's bytes (UTF-8 for text), valid until the next step.</summary>
    public ReadOnlySpan<byte> Bytes(int column)
    {
        if (_handle == IntPtr.Zero) return raw.sqlite3_column_blob(_statement, column);
        // The pointer first, then the length: SQLite's documented order when a value may be converted.
        var bytes = sqlite3_column_blob(_handle, column);
        return new ReadOnlySpan<byte>((void*)bytes, sqlite3_column_bytes(_handle, column));
    }

    [DllImport(Library, ExactSpelling = true), SuppressGCTransition]
    private static extern IntPtr sqlite3_column_blob(IntPtr statement, int column);

    [DllImport(Library, ExactSpelling = true), SuppressGCTransition]
    private static extern int sqlite3_column_bytes(IntPtr statement, int column);

    [DllImport(Library, ExactSpelling = true), SuppressGCTransition]
    private static extern int sqlite3_column_type(IntPtr statement, int column);

    [DllImport(Library, ExactSpelling = true), SuppressGCTransition]
    private static extern int sqlite3_column_int(IntPtr statement, int column);
}
