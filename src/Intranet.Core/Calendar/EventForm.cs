using Intranet.Core.Common;

namespace Intranet.Core.Calendar;

/// <summary>Whether a change to an occurrence of a series is for that occurrence alone or for the whole series.</summary>
public enum EditScope
{
    Series,
    Occurrence,
}

/// <summary>
/// The event dialog's fields. <see cref="Start"/> and <see cref="End"/> are Istanbul wall time (End exclusive: an
/// all-day event ends at the midnight after its last day). For an occurrence of a series, <see cref="OccurrenceStart"/>
/// (UTC) says which one was opened and <see cref="Scope"/> whether the change is for it alone.
/// </summary>
public sealed class EventForm
{
    public int Id { get; set; }
    public Guid Version { get; set; }
    public string? Title { get; set; }
    public EventType Type { get; set; } = EventType.KulturelEtkinlik;
    public int? DirectorateId { get; set; }
    public string? Place { get; set; }
    public int? NeighbourhoodId { get; set; }
    public DateTime Start { get; set; }
    public DateTime End { get; set; }
    public bool AllDay { get; set; }
    public bool IsPublic { get; set; } = true;
    public bool MayorAttends { get; set; }
    public string? ProtocolNotes { get; set; }
    public string? Guests { get; set; }
    public RecurrenceSpec Repeat { get; set; } = RecurrenceSpec.None;
    public DateTime? OccurrenceStart { get; set; }
    public EditScope Scope { get; set; } = EditScope.Series;

    public DateTime StartUtc => IstanbulTime.ToUtc(AllDay ? Start.Date : Start);
    public DateTime EndUtc => IstanbulTime.ToUtc(AllDay ? (End.TimeOfDay == TimeSpan.Zero ? End.Date : End.Date.AddDays(1)) : End);

    public EventForm Copy() => (EventForm)MemberwiseClone();

    /// <summary>The dialog's fields for an event, opened at one of its occurrences (or at its start).</summary>
    public static EventForm From(CalendarEvent e, DateTime? occurrenceStartUtc = null)
    {
        var occurrence = occurrenceStartUtc ?? e.StartsAt;
        var duration = e.EndsAt - e.StartsAt;
        return new EventForm
        {
            Id = e.Id, Version = e.Version, Title = e.Title, Type = e.Type, DirectorateId = e.DirectorateId, Place = e.Place,
            NeighbourhoodId = e.NeighbourhoodId, Start = IstanbulTime.ToLocal(occurrence), End = IstanbulTime.ToLocal(occurrence + duration),
            AllDay = e.AllDay, IsPublic = e.IsPublic, MayorAttends = e.MayorAttends, ProtocolNotes = e.ProtocolNotes, Guests = e.Guests,
            Repeat = RecurrenceSpec.FromRule(e.RecurrenceRule, IstanbulTime.ToLocal(e.StartsAt)),
            OccurrenceStart = e.RecurrenceRule is null ? null : occurrence,
        };
    }

    /// <summary>Field → Turkish message for every rule the form breaks; empty when it can be saved.</summary>
    public IReadOnlyDictionary<string, string> Validate()
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(Title)) errors[nameof(Title)] = "Etkinliğin adını yazın.";
        else if (Title.Trim().Length > 200) errors[nameof(Title)] = "Etkinliğin adı en fazla 200 karakter olabilir.";
        if (!Enum.IsDefined(Type)) errors[nameof(Type)] = "Etkinlik türünü seçin.";
        if (DirectorateId is null) errors[nameof(DirectorateId)] = "Etkinliği düzenleyen müdürlüğü seçin.";
        if (Place?.Trim().Length > 200) errors[nameof(Place)] = "Yer en fazla 200 karakter olabilir.";
        if (ProtocolNotes?.Length > 4000) errors[nameof(ProtocolNotes)] = "Protokol notu en fazla 4000 karakter olabilir.";
        if (Guests?.Length > 4000) errors[nameof(Guests)] = "Davetli listesi en fazla 4000 karakter olabilir.";

        var repeats = Repeat.Kind != RepeatKind.None && Scope == EditScope.Series;
        if (EndUtc <= StartUtc) errors[nameof(End)] = "Bitiş, başlangıçtan sonra olmalı.";
        else if (repeats && EndUtc - StartUtc > TimeSpan.FromDays(1)) errors[nameof(End)] = "Tekrarlanan bir etkinliğin her tekrarı en fazla bir gün sürebilir.";
        else if (EndUtc - StartUtc > TimeSpan.FromDays(31)) errors[nameof(End)] = "Bir etkinlik en fazla 31 gün sürebilir.";

        if (repeats)
        {
            if (Repeat.Count is < 1 or > RecurrenceSpec.MaxCount) errors[nameof(Repeat)] = $"Tekrar sayısı 1 ile {RecurrenceSpec.MaxCount} arasında olmalı.";
            else if (Repeat.Until is { } until && until < DateOnly.FromDateTime(Start)) errors[nameof(Repeat)] = "Tekrarın bitiş tarihi etkinliğin başlangıcından önce olamaz.";
            else if (Repeat.Interval is < 1 or > 12) errors[nameof(Repeat)] = "Tekrar aralığı 1 ile 12 arasında olmalı.";
            else if (RecurrenceSpec.Check(Repeat.ToRule(AllDay ? Start.Date : Start)) is { } ruleError) errors[nameof(Repeat)] = ruleError;
        }
        return errors;
    }
}
