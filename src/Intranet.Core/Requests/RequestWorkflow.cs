namespace Intranet.Core.Requests;

/// <summary>
/// The allowed steps of a request. Yeni → Ön inceleme → Uygun değil (closed with a reason) or Havale edildi →
/// Atandı → İşlemde → Çözüldü → Cevaplandı → Kapandı; a re-route goes back to Havale edildi; reopening returns a
/// resolved, answered or closed request to its directorate. Any step before Çözüldü can instead hand the request to
/// an outside body (Dış kuruma yönlendirildi, its own outcome); the body returning it reopens it.
/// </summary>
public static class RequestWorkflow
{
    private static readonly Dictionary<RequestStatus, RequestStatus[]> Next = new()
    {
        [RequestStatus.Yeni] = [RequestStatus.OnInceleme, RequestStatus.HavaleEdildi, RequestStatus.UygunDegil],
        [RequestStatus.OnInceleme] = [RequestStatus.HavaleEdildi, RequestStatus.UygunDegil],
        [RequestStatus.UygunDegil] = [RequestStatus.Kapandi],
        [RequestStatus.HavaleEdildi] = [RequestStatus.Atandi, RequestStatus.Islemde, RequestStatus.HavaleEdildi, RequestStatus.Cozuldu],
        [RequestStatus.Atandi] = [RequestStatus.Islemde, RequestStatus.Atandi, RequestStatus.HavaleEdildi, RequestStatus.Cozuldu],
        [RequestStatus.Islemde] = [RequestStatus.Cozuldu, RequestStatus.Atandi, RequestStatus.HavaleEdildi],
        [RequestStatus.Cozuldu] = [RequestStatus.Cevaplandi, RequestStatus.HavaleEdildi],
        [RequestStatus.Cevaplandi] = [RequestStatus.Kapandi, RequestStatus.HavaleEdildi],
        [RequestStatus.Kapandi] = [RequestStatus.HavaleEdildi],
        [RequestStatus.DisKurumaYonlendirildi] = [RequestStatus.HavaleEdildi],
    };

    /// <summary>Where a request can be forwarded to an outside body from: received, not yet solved by us.</summary>
    public static readonly RequestStatus[] ForwardableFrom =
        [RequestStatus.Yeni, RequestStatus.OnInceleme, RequestStatus.HavaleEdildi, RequestStatus.Atandi, RequestStatus.Islemde];

    private static IEnumerable<RequestStatus> HandoffFrom(RequestStatus from) =>
        ForwardableFrom.Contains(from) ? [RequestStatus.DisKurumaYonlendirildi] : [];

    public static IReadOnlyList<RequestStatus> AllowedFrom(RequestStatus from) => [.. Next[from], .. HandoffFrom(from)];

    public static bool IsAllowed(RequestStatus from, RequestStatus to) => Next[from].Contains(to) || HandoffFrom(from).Contains(to);
}
