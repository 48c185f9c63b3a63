using System.Buffers.Binary;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Intranet.Core.Requests;

/// <summary>
/// The requests of one month (by <see cref="Request.CreatedOn"/>), one scope and one key of one statistics dimension,
/// summed up: how many, the resolution-time histogram of the resolved ones in <see cref="RequestStatistics"/>'
/// buckets (count, within-deadline count, smallest and largest minutes per bucket), and the open ones by deadline day,
/// which is all the statistics page needs to compute its figures exactly as from the raw rows.
/// <para>
/// Why a month and a histogram per row rather than a row per day and bucket: with 1M requests a year a day holds
/// ~2,700 requests spread over ~700 buckets and 19 × 47 × 9 neighbourhood/category/channel pairs, so a per-day,
/// per-bucket table has as many rows as there are requests (measured: 75,018 cells for 75,289 requests in a month).
/// One row per month and key holds the whole bucket array: 12 months by neighbourhood are 228 rows instead of 1M.
/// </para>
/// Derived data, written only by <see cref="RequestStatisticsCells"/> in the transaction that changes the requests;
/// not edited by anyone, hence neither versioned nor audited.
/// </summary>
public class RequestStatisticsCell
{
    /// <summary>
    /// 0: the whole municipality; a directorate id (what a Staff or Director user may see); negative: the whole
    /// municipality's requests of one channel (<see cref="RequestStatisticsCells.ChannelScope"/>).
    /// </summary>
    public int Scope { get; set; }
    public StatisticsDimension Dimension { get; set; }
    /// <summary>The first day of the Istanbul calendar month.</summary>
    public DateOnly Month { get; set; }
    /// <summary>The neighbourhood, category or directorate id or the channel; 0 for "not routed" (directorate).</summary>
    public int Key { get; set; }
    /// <summary>Every request of the cell, resolved or not.</summary>
    public int Total { get; set; }
    /// <summary>Of <see cref="Total"/>, those handed to an outside body (<see cref="RequestStatistics.Forwarded"/>).</summary>
    public int Forwarded { get; set; }
    /// <summary>The resolved requests' buckets, encoded by <see cref="HistogramCodec"/>.</summary>
    public byte[] Histogram { get; set; } = [];
    /// <summary>
    /// The open requests by the UTC day of their deadline, encoded by <see cref="DueDayCodec"/>: their sum is the open
    /// count, the days before today the overdue count (today's are compared with the clock on the requests).
    /// </summary>
    public byte[] OpenDue { get; set; } = [];
}

/// <summary>Open requests by deadline day: per day (<see cref="DateOnly.DayNumber"/>, 4 bytes) its count (4 bytes), in day order.</summary>
public static class DueDayCodec
{
    public static SortedDictionary<int, int> Decode(ReadOnlySpan<byte> bytes)
    {
        var days = new SortedDictionary<int, int>();
        for (var i = 0; i + 8 <= bytes.Length; i += 8)
            days[BinaryPrimitives.ReadInt32LittleEndian(bytes[i..])] = BinaryPrimitives.ReadInt32LittleEndian(bytes[(i + 4)..]);
        return days;
    }

    public static byte[] Encode(IEnumerable<KeyValuePair<int, int>> days)
    {
        var list = days.Where(d => d.Value != 0).OrderBy(d => d.Key).ToList();
        var bytes = new byte[list.Count * 8];
        for (var i = 0; i < list.Count; i++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(i * 8), list[i].Key);
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(i * 8 + 4), list[i].Value);
        }
        return bytes;
    }
}

/// <summary>One bucket of a cell's histogram.</summary>
public record struct HistogramBucket(int Bucket, int Count, int InTime, int Min, int Max);

/// <summary>
/// A histogram as bytes: per non-empty bucket, in bucket order, the bucket (2 bytes) and its count, within-deadline
/// count, smallest and largest minutes (4 bytes each), little-endian. ~700 buckets at most: ≤ 13 KB per cell.
/// </summary>
public static class HistogramCodec
{
    private const int Size = 18;

    public static List<HistogramBucket> Decode(byte[] bytes)
    {
        var count = CountOf(bytes);
        var list = new List<HistogramBucket>(count);
        for (var i = 0; i < count; i++) list.Add(At(bytes, i));
        return list;
    }

    /// <summary>How many buckets the encoded histogram holds.</summary>
    public static int CountOf(ReadOnlySpan<byte> bytes) => bytes.Length / Size;

    /// <summary>The <paramref name="index"/>th bucket (the statistics merge hundreds of cells' buckets without a delegate call each).</summary>
    public static HistogramBucket At(ReadOnlySpan<byte> bytes, int index)
    {
        var b = bytes.Slice(index * Size, Size);
        return new HistogramBucket(BinaryPrimitives.ReadInt16LittleEndian(b), BinaryPrimitives.ReadInt32LittleEndian(b[2..]),
            BinaryPrimitives.ReadInt32LittleEndian(b[6..]), BinaryPrimitives.ReadInt32LittleEndian(b[10..]), BinaryPrimitives.ReadInt32LittleEndian(b[14..]));
    }

    public static byte[] Encode(IEnumerable<HistogramBucket> buckets)
    {
        var ordered = buckets.Where(b => b.Count > 0).OrderBy(b => b.Bucket).ToList();
        var bytes = new byte[ordered.Count * Size];
        for (var i = 0; i < ordered.Count; i++)
        {
            var (bucket, count, inTime, min, max) = ordered[i];
            var b = bytes.AsSpan(i * Size, Size);
            BinaryPrimitives.WriteInt16LittleEndian(b, checked((short)bucket));
            BinaryPrimitives.WriteInt32LittleEndian(b[2..], count);
            BinaryPrimitives.WriteInt32LittleEndian(b[6..], inTime);
            BinaryPrimitives.WriteInt32LittleEndian(b[10..], min);
            BinaryPrimitives.WriteInt32LittleEndian(b[14..], max);
        }
        return bytes;
    }
}

internal sealed class RequestStatisticsCellConfiguration : IEntityTypeConfiguration<RequestStatisticsCell>
{
    public void Configure(EntityTypeBuilder<RequestStatisticsCell> b)
    {
        // The statistics read one scope and dimension over a range of months: the key's order serves it.
        b.ToTable("RequestStatisticsCells");
        b.HasKey(x => new { x.Scope, x.Dimension, x.Month, x.Key });
    }
}
