using Intranet.Core.Common;

namespace Intranet.Core.Organization;

/// <summary>How a category's waiting time is counted.</summary>
public enum WaitingTimeUnit
{
    /// <summary>Clock hours, around the clock (e.g. a burst water main).</summary>
    Hours = 0,
    /// <summary>Working days of the Turkish calendar (weekends and public holidays not counted).</summary>
    WorkingDays = 1,
    /// <summary>Calendar days (e.g. Law 3071 petitions: 30 days).</summary>
    CalendarDays = 2,
}

/// <summary>A request topic with the directorate that normally handles it and its waiting time.</summary>
public partial class Category : IVersioned, IAudited
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public string SearchKey { get; set; } = "";
    public int DefaultDirectorateId { get; set; }
    public Directorate? DefaultDirectorate { get; set; }
    public int WaitingTime { get; set; }
    public WaitingTimeUnit WaitingTimeUnit { get; set; } = WaitingTimeUnit.WorkingDays;
    /// <summary>Days within which the citizen must be answered (2–7 by the desks' regulations).</summary>
    public int AnswerWithinDays { get; set; } = 5;
    public bool IsActive { get; set; } = true;
    public Guid Version { get; set; }
}
