namespace Intranet.Core.Calendar;

/// <summary>
/// A public holiday (resmî tatil) or the half-day eve (arife) before a bayram. Kept as a table so Admin can enter
/// each year's Ramazan and Kurban Bayramı dates, which move with the lunar calendar.
/// </summary>
public class PublicHoliday : Common.IAudited
{
    public int Id { get; set; }
    public DateOnly Date { get; set; }
    public required string Name { get; set; }
    /// <summary>Arife: offices close at 13:00, so the afternoon is not working time.</summary>
    public bool IsHalfDay { get; set; }
}
