using Intranet.Core.Requests;

namespace Intranet.Core.Dashboard;

/// <summary>One open request as the "oldest open" card lists it (names are looked up when the card is built).</summary>
public sealed record OldestItem(int Id, string Number, int CategoryId, int NeighbourhoodId, DateTime CreatedAt, DateTime DueAt)
{
    public static OldestItem Of(RequestFacts f) => new(f.Id, f.Number, f.CategoryId, f.NeighbourhoodId, f.CreatedAt, f.DueAt);

    /// <summary>Oldest first; the id breaks ties so every count agrees on the order.</summary>
    public static int Compare(OldestItem a, OldestItem b) => a.CreatedAt != b.CreatedAt ? a.CreatedAt.CompareTo(b.CreatedAt) : a.Id.CompareTo(b.Id);
}

/// <summary>
/// The oldest open requests of a scope, more than the card shows so that closing a few does not need the database.
/// Invariant: the list holds, in order, every open request that is not newer than its last item; when
/// <see cref="_complete"/> it holds every open request of the scope. A change keeps the invariant; when the list gets
/// shorter than the card needs and is not complete, <see cref="Short"/> asks for a reload.
/// </summary>
internal sealed class OldestOpenList(int capacity)
{
    private readonly List<OldestItem> _items = new(capacity + 1);
    private bool _complete;

    public void Load(IEnumerable<OldestItem> oldestFirst, bool complete)
    {
        _items.Clear();
        _items.AddRange(oldestFirst.Take(capacity));
        _complete = complete;
    }

    public bool Short(int shown) => !_complete && _items.Count < shown;

    public IEnumerable<OldestItem> Take(int count) => _items.Take(count);

    /// <param name="after">The request after the change when it is open and in this scope; otherwise null.</param>
    public void Apply(int requestId, OldestItem? after)
    {
        var index = _items.FindIndex(i => i.Id == requestId);
        var wasListed = index >= 0;
        if (wasListed) _items.RemoveAt(index);
        if (after is null) return;
        // A listed request keeps its place (its creation time never changes); another one belongs here only when it
        // is older than the last known item, or when the list knows every open request.
        if (!wasListed && !_complete && (_items.Count == 0 || OldestItem.Compare(after, _items[^1]) > 0)) return;
        var at = _items.BinarySearch(after, Comparer<OldestItem>.Create(OldestItem.Compare));
        _items.Insert(at < 0 ? ~at : at, after);
        if (_items.Count > capacity)
        {
            _items.RemoveAt(_items.Count - 1);
            _complete = false;
        }
    }
}

/// <summary>Resolution times of one directorate in the period, kept sorted so the median is one lookup.</summary>
internal sealed class ResolutionTimes
{
    private readonly List<int> _minutes = [];

    public int Count => _minutes.Count;
    public int InTime { get; private set; }

    /// <summary>Adds (sign 1) or removes (sign -1) one resolution; false when removing one that is not there (drift).</summary>
    public bool Add(int minutes, bool inTime, int sign)
    {
        var at = _minutes.BinarySearch(minutes);
        if (sign > 0)
        {
            _minutes.Insert(at < 0 ? ~at : at, minutes);
            if (inTime) InTime++;
            return true;
        }
        if (at < 0 || (inTime && InTime == 0)) return false;
        _minutes.RemoveAt(at);
        if (inTime) InTime--;
        return true;
    }

    /// <summary>For loading: values in any order, then <see cref="Seal"/> once.</summary>
    public void AddUnsorted(int minutes, bool inTime)
    {
        _minutes.Add(minutes);
        if (inTime) InTime++;
    }

    public void Seal() => _minutes.Sort();

    public double? MedianHours()
    {
        if (_minutes.Count == 0) return null;
        var mid = _minutes.Count / 2;
        var median = _minutes.Count % 2 == 1 ? _minutes[mid] : (_minutes[mid - 1] + _minutes[mid]) / 2.0;
        return median / 60.0;
    }

    public double? ShareInTime() => _minutes.Count == 0 ? null : InTime / (double)_minutes.Count;
}
