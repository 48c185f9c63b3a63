using Microsoft.AspNetCore.Components;

namespace Intranet.Web.Components.Shared;

/// <summary>
/// A part of a live screen that draws again only when what it shows changed. Live snapshots share every part that a
/// change left alone (the same list object), so comparing <see cref="Inputs"/> by reference tells a part whether to
/// redraw: on a change, each of hundreds of open screens redraws the one or two parts that moved, not the whole page.
/// </summary>
public abstract class LivePart : ComponentBase
{
    private object?[]? _drawn;

    /// <summary>Everything the part draws from (snapshot parts, and any small value such as today's date).</summary>
    protected abstract object?[] Inputs { get; }

    /// <summary>Call from an event handler that changed the part's own state (a sort), so it draws again.</summary>
    protected void Invalidate() => _drawn = null;

    protected override bool ShouldRender()
    {
        var inputs = Inputs;
        if (_drawn is not null && Same(inputs, _drawn)) return false;
        _drawn = inputs;
        return true;
    }

    // A plain loop: this runs for every part of every open screen on each change.
    private static bool Same(object?[] now, object?[] drawn)
    {
        if (now.Length != drawn.Length) return false;
        for (var i = 0; i < now.Length; i++)
            if (!ReferenceEquals(now[i], drawn[i]) && !Equals(now[i], drawn[i])) return false;
        return true;
    }
}
