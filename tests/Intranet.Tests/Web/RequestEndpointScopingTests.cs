using System.Net;
using Intranet.Core.Data;
using Intranet.Core.Requests;
using Intranet.Tests.Infrastructure;
using Intranet.Web.Auth;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Intranet.Tests.Web;

/// <summary>The request feature's HTTP endpoints apply the same directorate scope as its services.</summary>
public class RequestEndpointScopingTests(RequestEndpointScopingTests.App app) : IClassFixture<RequestEndpointScopingTests.App>
{
    public sealed class App : IntranetWebFactory;

    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];

    [Theory]
    [InlineData("demo-fen-personel-1", HttpStatusCode.OK)]
    [InlineData("demo-fen-mudur", HttpStatusCode.OK)]
    [InlineData("demo-halk-personel-1", HttpStatusCode.OK)]   // screening desk: every directorate
    [InlineData("demo-ozk-1", HttpStatusCode.OK)]             // mayor's office: every directorate
    [InlineData("demo-park-personel", HttpStatusCode.NotFound)]
    [InlineData("demo-zab-mudur", HttpStatusCode.NotFound)]
    [InlineData("demo-basin", HttpStatusCode.Forbidden)]      // press has no access to requests at all
    public async Task An_attachment_downloads_only_for_those_who_may_see_its_request(string objectId, HttpStatusCode expected)
    {
        var attachmentId = await FenRequestWithPhotoAsync();
        var client = await app.SignedInClientAsync(objectId);

        var response = await client.GetAsync($"/basvurular/ek/{attachmentId}");

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.OK) Assert.Equal(Png, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task An_anonymous_download_is_sent_to_sign_in()
    {
        var attachmentId = await FenRequestWithPhotoAsync();
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync($"/basvurular/ek/{attachmentId}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private async Task<int> FenRequestWithPhotoAsync()
    {
        await using var scope = app.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<IntranetDbContext>>().CreateDbContextAsync();
        var category = await db.Categories.Include(c => c.DefaultDirectorate).FirstAsync(c => c.DefaultDirectorate!.Code == "FEN");
        var created = await scope.ServiceProvider.GetRequiredService<RequestService>().CreateAsync(new IntakeForm
        {
            Channel = RequestChannel.MobilEkip, CitizenName = "İsmail Çakır", Phone = "0535 123 45 67",
            NeighbourhoodId = (await db.Neighbourhoods.OrderBy(n => n.Id).FirstAsync()).Id, CategoryId = category.Id,
            Text = "Mobil ekip fotoğrafladı: yol çökmüş.", Attachments = [new UploadedFile("cukur.png", "image/png", Png)],
        });
        return await db.RequestAttachments.Where(a => a.RequestId == created.Id).Select(a => a.Id).SingleAsync();
    }
}
