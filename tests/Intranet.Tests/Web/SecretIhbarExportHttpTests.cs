using System.Net;
using System.Text;
using Intranet.Core.Citizens;
using Intranet.Core.Common;
using Intranet.Core.Data;
using Intranet.Core.Requests;
using Intranet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Intranet.Tests.Web;

/// <summary>
/// The export through the real app, signed in as the Zabıta director whose directorate works on a secret ihbar:
/// the file names no sender, and a search by the sender's phone does not find the ihbar. The desk's file does both.
/// </summary>
public class SecretIhbarExportHttpTests(SecretIhbarExportHttpTests.App app) : IClassFixture<SecretIhbarExportHttpTests.App>
{
    public sealed class App : IntranetWebFactory
    {
        public const string Number = "2099-000001";
        public const string Phone = "0530 000 11 22";
        public const string Name = "Hülya Gizlioğlu";

        /// <summary>The secret ihbar, written once the app has seeded its demo municipality.</summary>
        public async Task EnsureSecretIhbarAsync()
        {
            await using var db = Database();
            if (await db.Requests.AnyAsync(r => r.Number == Number)) return;
            var zabita = await db.Directorates.SingleAsync(d => d.Code == "ZAB");
            var category = await db.Categories.FirstAsync(c => c.DefaultDirectorateId == zabita.Id && c.StopWarning == null);
            var now = Clock.UtcNow();
            db.Requests.Add(new Request
            {
                Number = Number, Year = 2099, Sequence = 1, Type = RequestType.Ihbar, Channel = RequestChannel.Cimer, CimerType = CimerType.Ihbar,
                ExternalReference = "CMR-2099-7654321", Status = RequestStatus.HavaleEdildi, IdentityConfidential = true,
                Text = "Dükkânın arkasında kaçak imalathane var, adımın verilmesini istemiyorum.",
                Citizen = new Citizen { FullName = Name, Phone = PhoneNumber.Normalize(Phone), TcKimlikNo = "10000000146", CreatedAt = now },
                NeighbourhoodId = (await db.Neighbourhoods.OrderBy(n => n.Id).FirstAsync()).Id, CategoryId = category.Id, DirectorateId = zabita.Id,
                CreatedAt = now, CreatedOn = IstanbulTime.Today(now), DueAt = now.AddDays(3), AnswerDueAt = now.AddDays(3), UpdatedAt = now,
            });
            await db.SaveChangesAsync();
        }
    }

    private async Task<List<string[]>> CsvRowsAsync(string objectId, string search)
    {
        await app.EnsureSecretIhbarAsync();
        var client = await app.SignedInClientAsync(objectId);
        var response = await client.GetAsync($"/basvurular/disa-aktar.csv?tumu=1&ara={Uri.EscapeDataString(search)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
        var lines = text.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Başvuru Sahibi", lines[0].Split(';')[13]);
        Assert.DoesNotContain("Gizlioğlu", text);
        return lines.Skip(1).Select(l => l.Split(';')).ToList();
    }

    [Fact]
    public async Task The_zabita_directors_export_shows_no_sender_and_a_search_by_their_phone_finds_nothing()
    {
        var row = Assert.Single(await CsvRowsAsync("demo-zab-mudur", App.Number));
        Assert.Equal(App.Number, row[0]);
        Assert.Equal(ConfidentialIdentity.Label, row[13]);
        Assert.Equal("İhbar", row[15]);

        Assert.Empty(await CsvRowsAsync("demo-zab-mudur", App.Phone));
    }

    [Fact]
    public async Task The_screening_desks_export_keeps_the_masked_sender_and_finds_them_by_phone()
    {
        var row = Assert.Single(await CsvRowsAsync("demo-halk-personel-1", App.Number));
        Assert.Equal(PersonalData.MaskName(App.Name), row[13]);

        Assert.Equal([App.Number], (await CsvRowsAsync("demo-halk-personel-1", App.Phone)).Select(r => r[0]));
    }
}
