using Intranet.Core.Common;
using Intranet.Core.Data;
using Intranet.Core.Organization;
using Intranet.Core.Requests;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Core.Seeding;

/// <summary>
/// Demo data of the second round of request work: category questions (a street lamp's pole number, an abandoned
/// car's plate), two stop-warning categories (gas leak, collapsing wall), CİMER's types on the CİMER requests and a
/// few secret ihbars. Runs after the requests are generated, so their random stream is unchanged; deterministic.
/// </summary>
internal static class DemoRequestsBulk
{
    public static async Task SeedAsync(IntranetDbContext db, CancellationToken ct)
    {
        if (await db.Set<CategoryQuestion>().AnyAsync(ct)) return;
        var suspended = db.AuditingSuspended;
        db.AuditingSuspended = true;
        try
        {
            var directorates = await db.Directorates.ToDictionaryAsync(d => d.Code, ct);
            Category NewCategory(string name, string code, int waiting, WaitingTimeUnit unit, string? warning = null, string? line = null)
            {
                var c = new Category
                {
                    Name = name, SearchKey = TurkishText.Fold(name), DefaultDirectorate = directorates[code], WaitingTime = waiting, WaitingTimeUnit = unit,
                    AnswerWithinDays = 3, StopWarning = warning, EmergencyLine = line,
                };
                db.Categories.Add(c);
                return c;
            }

            var car = NewCategory("Terk edilmiş (hurda) araç", "ZAB", 10, WaitingTimeUnit.WorkingDays);
            NewCategory("Doğalgaz kaçağı / gaz kokusu", "FEN", 1, WaitingTimeUnit.Hours,
                "Gaz kaçağı acil bir durumdur ve doğalgaz dağıtım şirketinin görevidir.", "İGDAŞ 187 Doğalgaz Acil");
            NewCategory("Yıkılan / yıkılmak üzere duvar veya yapı", "IMAR", 1, WaitingTimeUnit.Hours,
                "Can güvenliğini tehdit eden yıkılma acil bir durumdur; önce arayanın ve çevredekilerin uzaklaşması gerekir.", "112 Acil Çağrı");
            var lamp = await db.Categories.SingleAsync(c => c.Name == "Sokak lambası arızası", ct);
            await db.SaveChangesAsync(ct);

            db.Set<CategoryQuestion>().AddRange(
                new CategoryQuestion { CategoryId = lamp.Id, Order = 1, Label = "Direk numarası", HelpText = "Direğin üzerindeki levhada yazar; bilinmiyorsa boş bırakın.", Kind = QuestionKind.Text },
                new CategoryQuestion { CategoryId = lamp.Id, Order = 2, Label = "Arıza türü", Kind = QuestionKind.Choice, Choices = "Hiç yanmıyor\nYanıp sönüyor\nGündüz de yanıyor\nDirek hasarlı / eğik" },
                new CategoryQuestion { CategoryId = car.Id, Order = 1, Label = "Araç plakası", HelpText = "Örn. 34 ABC 123", Kind = QuestionKind.Text, Required = true },
                new CategoryQuestion { CategoryId = car.Id, Order = 2, Label = "Kaç gündür orada?", Kind = QuestionKind.Number });
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            db.AuditingSuspended = suspended;
        }

        // CİMER sends its own type with each application; the generated ones get the type their request type maps from.
        foreach (var (type, cimer) in new[]
                 {
                     (RequestType.Talep, CimerType.Istek), (RequestType.Dilekce, CimerType.Istek), (RequestType.Sikayet, CimerType.Sikayet),
                     (RequestType.Ihbar, CimerType.Ihbar), (RequestType.Oneri, CimerType.Gorus), (RequestType.BilgiEdinme, CimerType.BilgiEdinme),
                     (RequestType.Tesekkur, CimerType.Tesekkur),
                 })
            await db.Requests.Where(r => r.Channel == RequestChannel.Cimer && r.Type == type)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.CimerType, cimer), ct);
        // About a quarter of the ihbars with a named sender asked for secrecy.
        await db.Requests.Where(r => r.Type == RequestType.Ihbar && r.CitizenId != null && r.Id % 4 == 0)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.IdentityConfidential, true), ct);
    }
}
