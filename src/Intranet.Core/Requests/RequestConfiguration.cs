using Intranet.Core.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Intranet.Core.Requests;

internal sealed class RequestConfiguration : IEntityTypeConfiguration<Request>
{
    public void Configure(EntityTypeBuilder<Request> b)
    {
        b.Property(x => x.Number).HasMaxLength(16);
        b.Property(x => x.Text).HasMaxLength(4000);
        b.Property(x => x.Address).HasMaxLength(400);
        b.Property(x => x.ExternalReference).HasMaxLength(64);
        b.Property(x => x.Resolution).HasMaxLength(4000);
        b.Property(x => x.ReplyText).HasMaxLength(4000);
        b.Property(x => x.Note).HasMaxLength(2000);
        b.Ignore(x => x.IsOpen);
        b.HasIndex(x => x.Number).IsUnique();
        b.HasIndex(x => new { x.Year, x.Sequence }).IsUnique();
        // The list's and dashboards' usual shapes: by status within a directorate, newest first; by neighbourhood;
        // by day for trends; by deadline for the escalation sweep.
        b.HasIndex(x => new { x.DirectorateId, x.Status, x.CreatedAt });
        b.HasIndex(x => new { x.Status, x.CreatedAt });
        b.HasIndex(x => new { x.NeighbourhoodId, x.Status });
        b.HasIndex(x => new { x.CategoryId, x.Status });
        b.HasIndex(x => x.CreatedAt);
        // Statistics read every request of a date range: this index holds every column they group, count and
        // filter on, so the scan reads it instead of the wide table (about a tenth of the pages; PostgreSQL can
        // answer from it alone). Its leading CreatedOn also serves daily counts, which had an index of their own.
        b.HasIndex(x => new
        {
            x.CreatedOn, x.Status, x.DueAt, x.ResolutionMinutes, x.ResolvedInTime,
            x.NeighbourhoodId, x.CategoryId, x.DirectorateId, x.Channel,
        }).HasDatabaseName("IX_Requests_Statistics");
        // The statistics page's channel and topic filters: the same columns led by the filter, so a year of one
        // channel reads a ninth of the entries above instead of all of them (355 ms → tens of ms on 1M requests).
        b.HasIndex(x => new
        {
            x.Channel, x.CreatedOn, x.Status, x.DueAt, x.ResolutionMinutes, x.ResolvedInTime,
            x.NeighbourhoodId, x.CategoryId, x.DirectorateId,
        }).HasDatabaseName("IX_Requests_Statistics_Channel");
        b.HasIndex(x => new
        {
            x.CategoryId, x.CreatedOn, x.Status, x.DueAt, x.ResolutionMinutes, x.ResolvedInTime,
            x.NeighbourhoodId, x.DirectorateId, x.Channel,
        }).HasDatabaseName("IX_Requests_Statistics_Category");
        // A directorate's list newest first: a Staff user's page, and with a common search word the walk that stops at
        // the first 25 matches (without it SQLite sorts the directorate's every request).
        b.HasIndex(x => new { x.DirectorateId, x.CreatedAt });
        // The list filtered by neighbourhood and a date range (a muhtar's usual question), by category, by assignee:
        // each led by the filter column and then the list's order, so the first page is the index's first entries
        // (the date range is also given as CreatedAt bounds, see RequestQueries.Apply). The assignee's open work
        // keeps Status before CreatedAt so its count reads the index alone.
        b.HasIndex(x => new { x.NeighbourhoodId, x.CreatedAt });
        b.HasIndex(x => new { x.CategoryId, x.CreatedAt });
        b.HasIndex(x => new { x.AssigneeId, x.Status, x.CreatedAt });
        // Deadlines (escalation sweep, overdue filter); CreatedAt so an overdue list sorts index entries, not rows.
        b.HasIndex(x => new { x.Status, x.DueAt, x.CreatedAt });
        // The live dashboard's refresh (DashboardQueries), every query answered from an index alone: the whole
        // municipality by the leading timestamp or status, one directorate by the same shape led by DirectorateId
        // (with DirectorateId = @dir, SQLite would otherwise walk every row of the directorate). On 1M requests this
        // took a refresh from ~1.9 s (municipality) and ~2.5 s (directorate) to a few ms.
        b.HasIndex(x => new { x.Status, x.DirectorateId, x.NeighbourhoodId, x.DueAt }).HasDatabaseName("IX_Requests_Dashboard_Open");
        b.HasIndex(x => new { x.CreatedOn, x.CategoryId, x.Channel }).HasDatabaseName("IX_Requests_Dashboard_Created");
        b.HasIndex(x => new { x.DirectorateId, x.CreatedOn, x.CategoryId, x.Channel }).HasDatabaseName("IX_Requests_Dashboard_DirectorateCreated");
        b.HasIndex(x => x.ClosedAt);
        b.HasIndex(x => new { x.DirectorateId, x.ClosedAt });
        b.HasIndex(x => new { x.ResolvedAt, x.DirectorateId, x.ResolutionMinutes, x.ResolvedInTime }).HasDatabaseName("IX_Requests_Dashboard_Resolved");
        b.HasIndex(x => new { x.DirectorateId, x.ResolvedAt, x.ResolutionMinutes, x.ResolvedInTime }).HasDatabaseName("IX_Requests_Dashboard_DirectorateResolved");
        b.HasOne(x => x.Citizen).WithMany().HasForeignKey(x => x.CitizenId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Neighbourhood).WithMany().HasForeignKey(x => x.NeighbourhoodId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Category).WithMany().HasForeignKey(x => x.CategoryId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Directorate).WithMany().HasForeignKey(x => x.DirectorateId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Assignee).WithMany().HasForeignKey(x => x.AssigneeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.CreatedById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RequestHistoryConfiguration : IEntityTypeConfiguration<RequestHistory>
{
    public void Configure(EntityTypeBuilder<RequestHistory> b)
    {
        b.Property(x => x.UserName).HasMaxLength(160);
        b.Property(x => x.Note).HasMaxLength(4000);
        b.HasIndex(x => new { x.RequestId, x.At });
        b.HasOne(x => x.Request).WithMany().HasForeignKey(x => x.RequestId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RequestAttachmentConfiguration : IEntityTypeConfiguration<RequestAttachment>
{
    public void Configure(EntityTypeBuilder<RequestAttachment> b)
    {
        b.Property(x => x.FileName).HasMaxLength(260);
        b.Property(x => x.ContentType).HasMaxLength(100);
        b.Property(x => x.UploadedBy).HasMaxLength(160);
        b.HasIndex(x => x.RequestId);
        b.HasOne(x => x.Request).WithMany().HasForeignKey(x => x.RequestId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EscalationConfiguration : IEntityTypeConfiguration<Escalation>
{
    public void Configure(EntityTypeBuilder<Escalation> b)
    {
        b.Property(x => x.LastError).HasMaxLength(1000);
        // The idempotency key: one escalation of a kind per deadline, even across restarts and instances.
        b.HasIndex(x => new { x.RequestId, x.Kind, x.DueAt }).IsUnique();
        // The delivery sweep's query: rows still owed a send, by when they are due.
        b.HasIndex(x => new { x.CompletedAt, x.NextAttemptAt });
        b.HasOne<Request>().WithMany().HasForeignKey(x => x.RequestId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SavedFilterConfiguration : IEntityTypeConfiguration<SavedFilter>
{
    public void Configure(EntityTypeBuilder<SavedFilter> b)
    {
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Json).HasMaxLength(4000);
        b.HasIndex(x => new { x.UserId, x.Name }).IsUnique();
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
