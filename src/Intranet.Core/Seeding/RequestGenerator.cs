using Intranet.Core.Citizens;
using Intranet.Core.Organization;
using Intranet.Core.Requests;

namespace Intranet.Core.Seeding;

/// <summary>The reference data a generator needs, read from the database so appends work on any seeded database.</summary>
internal sealed record GeneratorCategory(int Id, string Name, int DirectorateId, int WaitingTime, WaitingTimeUnit Unit, int AnswerWithinDays, int Weight, string[] Templates);
internal sealed record GeneratorNeighbourhood(int Id, string Name, int Weight, double Latitude, double Longitude);
internal sealed record GeneratorActor(int? Id, string Name);

internal sealed record GeneratorReference(
    IReadOnlyList<GeneratorCategory> Categories,
    IReadOnlyList<GeneratorNeighbourhood> Neighbourhoods,
    IReadOnlyDictionary<int, GeneratorActor[]> StaffByDirectorate,
    IReadOnlyDictionary<int, GeneratorActor> DirectorByDirectorate,
    IReadOnlyDictionary<int, string> DirectorateNames,
    GeneratorActor[] ScreeningStaff);

/// <summary>Someone who applied before: saved (<paramref name="Id"/>) or new in the current batch (<paramref name="Tracked"/>).</summary>
internal sealed record ReturningCitizen(string Name, int? Id, Citizen? Tracked);

/// <summary>One generated request with its citizen (new, or null when reused/anonymous) and its history steps.</summary>
internal sealed record GeneratedRequest(Request Request, Citizen? NewCitizen, List<RequestHistory> History);

/// <summary>
/// Generates requests whose status follows from their age: each request gets a planned life (screening, routing,
/// assignment, work, resolution, answer, closing) and keeps the steps that already happened by "now", so old
/// requests are mostly closed and recent ones open, with every timestamp consistent with the status.
/// </summary>
internal sealed class RequestGenerator(Random rng, DateTime nowUtc, GeneratorReference reference)
{
    private static readonly (RequestType Value, int Weight)[] Types =
        [(RequestType.Talep, 45), (RequestType.Sikayet, 30), (RequestType.Oneri, 5), (RequestType.Ihbar, 8), (RequestType.Tesekkur, 3), (RequestType.BilgiEdinme, 5), (RequestType.Dilekce, 4)];

    private static readonly (RequestChannel Value, int Weight)[] Channels =
        [(RequestChannel.CagriMerkezi, 30), (RequestChannel.WhatsApp, 15), (RequestChannel.Web, 18), (RequestChannel.EPosta, 6), (RequestChannel.Masa, 10),
         (RequestChannel.Cimer, 8), (RequestChannel.Muhtar, 5), (RequestChannel.MobilEkip, 5), (RequestChannel.HalkGunu, 3)];

    private readonly int[] _categoryCumulative = Cumulative(reference.Categories.Select(c => c.Weight));
    private readonly int[] _neighbourhoodCumulative = Cumulative(reference.Neighbourhoods.Select(n => n.Weight));

    private sealed record Step(RequestStatus Status, DateTime At, GeneratorActor Actor, string? Note, int? AssigneeId = null);

    public GeneratedRequest Next(DateTime createdAt, int year, int sequence, ReturningCitizen? returning, bool withHistory)
    {
        var category = reference.Categories[PickIndex(_categoryCumulative)];
        var place = reference.Neighbourhoods[PickIndex(_neighbourhoodCumulative)];
        var type = PickWeighted(Types);
        var channel = ChannelFor(type);
        var street = DemoNames.Street(rng);
        var houseNo = rng.Next(1, 120);
        var number = $"{year}-{sequence:D6}";

        Citizen? newCitizen = null, citizen = null;
        int? citizenId = null;
        string citizenName;
        var anonymous = type == RequestType.Ihbar ? rng.Next(3) == 0 : rng.Next(50) == 0;
        if (anonymous) citizenName = "Anonim";
        else if (returning is not null) (citizenName, citizenId, citizen) = (returning.Name, returning.Id, returning.Tracked);
        else
        {
            citizen = newCitizen = NewCitizen(createdAt, type, channel, place, street, houseNo);
            citizenName = newCitizen.FullName;
        }

        var request = new Request
        {
            Number = number,
            Year = year,
            Sequence = sequence,
            Type = type,
            Channel = channel,
            Text = RequestTexts.Compose(rng, type, category.Name, category.Templates, place.Name, street, houseNo),
            Address = $"{place.Name} Mah. {street} No:{houseNo} Kağıthane/İstanbul",
            ExternalReference = channel == RequestChannel.Cimer ? $"CMR-{year}-{rng.Next(1_000_000, 10_000_000)}" : null,
            CitizenId = citizenId,
            Citizen = citizen,
            NeighbourhoodId = place.Id,
            CategoryId = category.Id,
            DirectorateId = category.DirectorateId,
            CreatedAt = createdAt,
            CreatedOn = DemoClock.IstanbulDay(createdAt),
        };
        if (rng.Next(10) < 7)
        {
            request.Latitude = Math.Round(place.Latitude + (rng.NextDouble() - 0.5) * 0.008, 6);
            request.Longitude = Math.Round(place.Longitude + (rng.NextDouble() - 0.5) * 0.008, 6);
        }
        SetDeadlines(request, category);

        var steps = PlanLife(request, category, channel);
        var history = Apply(request, category, steps, citizenName, withHistory);
        return new GeneratedRequest(request, newCitizen, history);
    }

    private RequestChannel ChannelFor(RequestType type) => type switch
    {
        // Legal applications arrive in writing.
        RequestType.BilgiEdinme => DemoNames.Pick(rng, [RequestChannel.Web, RequestChannel.EPosta, RequestChannel.Cimer, RequestChannel.Masa]),
        RequestType.Dilekce => DemoNames.Pick(rng, [RequestChannel.Masa, RequestChannel.Masa, RequestChannel.EPosta, RequestChannel.Cimer]),
        _ => PickWeighted(Channels),
    };

    private Citizen NewCitizen(DateTime createdAt, RequestType type, RequestChannel channel, GeneratorNeighbourhood place, string street, int houseNo)
    {
        var name = DemoNames.FullName(rng);
        var formal = type is RequestType.BilgiEdinme or RequestType.Dilekce || channel == RequestChannel.Cimer;
        var wantsMail = channel is RequestChannel.EPosta or RequestChannel.Web ? rng.Next(10) < 7 : rng.Next(10) < 2;
        return new Citizen
        {
            FullName = name,
            Phone = rng.Next(20) == 0 ? null : DemoNames.Mobile(rng),
            Email = wantsMail ? DemoNames.Email(rng, name) : null,
            TcKimlikNo = formal || rng.Next(10) < 4 ? DemoNames.TcKimlik(rng) : null,
            NeighbourhoodId = place.Id,
            Address = $"{place.Name} Mah. {street} No:{houseNo}/{rng.Next(1, 16)} Kağıthane/İstanbul",
            CreatedAt = createdAt,
        };
    }

    private static void SetDeadlines(Request r, GeneratorCategory c)
    {
        switch (r.Type)
        {
            case RequestType.BilgiEdinme:
                r.DeadlineExtended = r.Sequence % 12 == 0;
                r.DueAt = r.AnswerDueAt = DemoClock.AddWorkingDays(r.CreatedAt, r.DeadlineExtended ? 30 : 15);
                break;
            case RequestType.Dilekce:
                r.DueAt = r.AnswerDueAt = r.CreatedAt.AddDays(30);
                break;
            default:
                r.DueAt = DemoClock.Due(r.CreatedAt, c.WaitingTime, c.Unit);
                // The citizen hears back within the category's 2–7 days, or with the resolution when that takes longer.
                var answerDue = DemoClock.AddWorkingDays(r.CreatedAt, c.AnswerWithinDays);
                r.AnswerDueAt = answerDue > r.DueAt ? answerDue : r.DueAt;
                break;
        }
    }

    private List<Step> PlanLife(Request r, GeneratorCategory c, RequestChannel channel)
    {
        var urgent = c.Unit == WaitingTimeUnit.Hours;
        var screener = DemoNames.Pick(rng, reference.ScreeningStaff);
        var creator = channel switch
        {
            RequestChannel.CagriMerkezi or RequestChannel.Masa or RequestChannel.HalkGunu or RequestChannel.MobilEkip or RequestChannel.Muhtar => screener,
            RequestChannel.Cimer => new GeneratorActor(null, "CİMER Entegrasyonu"),
            _ => new GeneratorActor(null, "Vatandaş (" + channel.Name() + ")"),
        };
        if (creator.Id is not null) r.CreatedById = creator.Id;

        var steps = new List<Step> { new(RequestStatus.Yeni, r.CreatedAt, creator, "Başvuru kaydedildi.") };
        // The desk works office hours: non-urgent requests from the evening or weekend wait for the next morning,
        // and now and then a backlog holds them a day or two.
        var t = urgent ? r.CreatedAt : DemoClock.NextOfficeTime(r.CreatedAt).AddMinutes(rng.Next(0, 90));
        if (!urgent && rng.Next(20) == 0) t = DemoClock.AddWorkingDays(t, rng.Next(1, 3));
        if (rng.Next(10) < 6)
        {
            t = t.AddMinutes(urgent ? rng.Next(5, 40) : rng.Next(10, 240));
            steps.Add(new(RequestStatus.OnInceleme, t, screener, "Ön incelemeye alındı."));
        }
        t = t.AddMinutes(urgent ? rng.Next(5, 60) : rng.Next(20, 600));

        if (r.Type != RequestType.Tesekkur && rng.Next(100) < 6)
        {
            steps.Add(new(RequestStatus.UygunDegil, t, screener, RequestTexts.Rejection(rng)));
            if (rng.Next(10) < 7) steps.Add(new(RequestStatus.Kapandi, t.AddHours(rng.Next(24, 96)), screener, "Dosya kapatıldı."));
            return steps;
        }

        var directorate = reference.DirectorateNames.GetValueOrDefault(c.DirectorateId, "İlgili Müdürlüğü");
        steps.Add(new(RequestStatus.HavaleEdildi, t, screener, $"{directorate}ne havale edildi."));
        var director = reference.DirectorByDirectorate.GetValueOrDefault(c.DirectorateId) ?? new GeneratorActor(null, directorate);
        var worker = director;
        if (r.Type != RequestType.Tesekkur && reference.StaffByDirectorate.TryGetValue(c.DirectorateId, out var staff) && staff.Length > 0 && rng.Next(4) < 3)
        {
            worker = DemoNames.Pick(rng, staff);
            t = t.AddMinutes(urgent ? rng.Next(5, 60) : rng.Next(30, 1440));
            steps.Add(new(RequestStatus.Atandi, t, director, $"{worker.Name} görevlendirildi.", worker.Id));
        }

        // About one in five is resolved late; a few stall in work and stay open past their deadline.
        var span = r.DueAt - r.CreatedAt;
        var ratio = rng.Next(100) < 80 ? 0.15 + rng.NextDouble() * 0.8 : 1.05 + rng.NextDouble() * 1.2;
        var resolvedAt = r.CreatedAt + span * ratio;
        if (resolvedAt <= t.AddMinutes(20)) resolvedAt = t.AddMinutes(rng.Next(30, 240));
        var workAt = t + (resolvedAt - t) * (0.1 + rng.NextDouble() * 0.4);
        if (r.Type != RequestType.Tesekkur) steps.Add(new(RequestStatus.Islemde, workAt, worker, "Çalışmaya başlandı."));
        if (rng.Next(100) < 3) return steps;

        steps.Add(new(RequestStatus.Cozuldu, resolvedAt, worker, RequestTexts.Resolution(rng)));
        var answeredAt = resolvedAt.AddMinutes(rng.Next(30, Math.Max(60, c.AnswerWithinDays * 24 * 60 / 2)));
        steps.Add(new(RequestStatus.Cevaplandi, answeredAt, screener, "Vatandaşa bilgi verildi."));
        if (rng.Next(100) < 85) steps.Add(new(RequestStatus.Kapandi, answeredAt.AddHours(rng.Next(24, 168)), screener, "Dosya kapatıldı."));
        return steps;
    }

    /// <summary>Keeps the steps that happened by now and sets the request's status and timestamps from them.</summary>
    private List<RequestHistory> Apply(Request r, GeneratorCategory c, List<Step> planned, string citizenName, bool withHistory)
    {
        var history = new List<RequestHistory>(withHistory ? planned.Count : 0);
        RequestStatus? from = null;
        foreach (var step in planned)
        {
            if (step.At > nowUtc) break;
            switch (step.Status)
            {
                case RequestStatus.HavaleEdildi:
                    r.RoutedAt = step.At;
                    break;
                case RequestStatus.Atandi:
                    r.AssigneeId = step.AssigneeId;
                    break;
                case RequestStatus.UygunDegil:
                    r.AnsweredAt = step.At;
                    r.ReplyText = step.Note;
                    r.ReplyChannel = ReplyChannelFor(r);
                    break;
                case RequestStatus.Cozuldu:
                    r.ResolvedAt = step.At;
                    r.Resolution = step.Note;
                    r.ResolutionMinutes = (int)Math.Round((step.At - r.CreatedAt).TotalMinutes);
                    r.ResolvedInTime = step.At <= r.DueAt;
                    break;
                case RequestStatus.Cevaplandi:
                    r.AnsweredAt = step.At;
                    r.ReplyChannel = ReplyChannelFor(r);
                    r.ReplyText = r.ReplyChannel is null
                        ? "Başvuru sahibi anonim; sonuç kayda geçirildi."
                        : RequestTexts.Reply(citizenName, r.Number, r.Resolution ?? "");
                    break;
                case RequestStatus.Kapandi:
                    r.ClosedAt = step.At;
                    break;
            }
            r.Status = step.Status;
            r.UpdatedAt = step.At;
            if (withHistory)
            {
                history.Add(new RequestHistory
                {
                    At = step.At,
                    UserId = step.Actor.Id,
                    UserName = step.Actor.Name,
                    FromStatus = from,
                    ToStatus = step.Status,
                    DirectorateId = step.Status == RequestStatus.Yeni ? null : c.DirectorateId,
                    AssigneeId = r.AssigneeId,
                    Note = step.Note,
                });
            }
            from = step.Status;
        }
        return history;
    }

    private ReplyChannel? ReplyChannelFor(Request r)
    {
        if (r.Citizen is null && r.CitizenId is null) return null;
        if (r.Channel == RequestChannel.Cimer) return ReplyChannel.Cimer;
        if (r.Type is RequestType.Dilekce or RequestType.BilgiEdinme) return ReplyChannel.Yazi;
        if (r.Channel is RequestChannel.EPosta or RequestChannel.Web && r.Citizen?.Email is not null) return ReplyChannel.EPosta;
        return rng.Next(10) < 6 ? ReplyChannel.Sms : ReplyChannel.Telefon;
    }

    private T PickWeighted<T>((T Value, int Weight)[] items)
    {
        var roll = rng.Next(items.Sum(i => i.Weight));
        foreach (var (value, weight) in items)
        {
            if (roll < weight) return value;
            roll -= weight;
        }
        return items[^1].Value;
    }

    private int PickIndex(int[] cumulative)
    {
        var i = Array.BinarySearch(cumulative, rng.Next(cumulative[^1]) + 1);
        return i < 0 ? ~i : i;
    }

    private static int[] Cumulative(IEnumerable<int> weights)
    {
        var sum = 0;
        var result = weights.Select(w => sum += Math.Max(1, w)).ToArray();
        return result.Length > 0 ? result : throw new InvalidOperationException("Seed the reference data before generating requests.");
    }
}
