using Intranet.Core.Common;

namespace Intranet.Core.Organization;

/// <summary>A mahalle. Its muhtars, one per term, are in <see cref="Muhtars.Muhtar"/>.</summary>
public class Neighbourhood : IVersioned, IAudited
{
    public int Id { get; set; }
    public required string Name { get; set; }
    /// <summary><see cref="TurkishText.Fold"/> of the name, stored so autocomplete can match "inonu" to "İnönü" in SQL.</summary>
    public string SearchKey { get; set; } = "";
    public int? Population { get; set; }
    /// <summary>Deleted neighbourhoods stay for history but take no new requests.</summary>
    public bool IsActive { get; set; } = true;
    public Guid Version { get; set; }
}
