using Intranet.Core.Organization;
using Intranet.Core.Requests;

namespace Intranet.Web.Setup;

/// <summary>HTTP endpoints of the request feature that are files rather than pages.</summary>
public static class RequestEndpoints
{
    public static void MapRequestEndpoints(this WebApplication app)
    {
        // Attachment download; RequestDetails applies the same directorate scope as the pages.
        app.MapGet("/basvurular/ek/{id:int}", async (int id, RequestDetails details, CancellationToken ct) =>
            await details.AttachmentAsync(id, ct) is { } file
                ? Results.File(file.Content, file.ContentType, file.FileName)
                : Results.NotFound())
            .RequireAuthorization(Policies.Requests);
    }
}
