using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Intranet.Core.Press;

internal sealed class PressSourceConfiguration : IEntityTypeConfiguration<PressSource>
{
    public void Configure(EntityTypeBuilder<PressSource> b)
    {
        b.Property(x => x.Name).HasMaxLength(160);
        b.Property(x => x.FeedUrl).HasMaxLength(1000);
        b.Property(x => x.LastError).HasMaxLength(1000);
        b.Property(x => x.LastWarning).HasMaxLength(1000);
        b.Property(x => x.ETag).HasMaxLength(300);
        b.Property(x => x.LastModified).HasMaxLength(100);
        b.HasIndex(x => x.Name).IsUnique();
    }
}

internal sealed class PressClippingConfiguration : IEntityTypeConfiguration<PressClipping>
{
    public void Configure(EntityTypeBuilder<PressClipping> b)
    {
        b.Property(x => x.Title).HasMaxLength(500);
        b.Property(x => x.TitleKey).HasMaxLength(500);
        b.Property(x => x.Summary).HasMaxLength(8000);
        b.Property(x => x.Url).HasMaxLength(1000);
        b.Property(x => x.UrlHash).HasMaxLength(64);
        b.Property(x => x.ImageUrl).HasMaxLength(1000);
        b.Property(x => x.MatchedRules).HasMaxLength(1000);
        b.Property(x => x.Topic).HasMaxLength(100);
        b.Property(x => x.DirectorateIds).HasMaxLength(300);
        b.Property(x => x.Page).HasMaxLength(40);
        b.Property(x => x.Columnist).HasMaxLength(160);
        b.Property(x => x.Program).HasMaxLength(160);
        b.Property(x => x.CapturedBy).HasMaxLength(200);
        b.Property(x => x.ReviewedBy).HasMaxLength(200);
        b.HasIndex(x => x.PublishedAt);
        b.HasIndex(x => x.CapturedAt);
        b.HasIndex(x => new { x.PublishedOn, x.Tone });
        // Dedupe, enforced by the database as well as checked by the poller: one story per source title, one per URL.
        // (Both columns can be null for manual clippings; every provider lets nulls repeat in a unique index.)
        b.HasIndex(x => new { x.SourceId, x.TitleKey }).IsUnique();
        b.HasIndex(x => x.UrlHash).IsUnique();
        b.HasOne(x => x.Source).WithMany().HasForeignKey(x => x.SourceId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class PressScanConfiguration : IEntityTypeConfiguration<PressScan>
{
    public void Configure(EntityTypeBuilder<PressScan> b)
    {
        b.Property(x => x.FileName).HasMaxLength(260);
        b.Property(x => x.ContentType).HasMaxLength(100);
        b.Property(x => x.UploadedBy).HasMaxLength(200);
        b.HasOne(x => x.Clipping).WithMany().HasForeignKey(x => x.ClippingId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PressKeywordRuleConfiguration : IEntityTypeConfiguration<PressKeywordRule>
{
    public void Configure(EntityTypeBuilder<PressKeywordRule> b)
    {
        b.Property(x => x.Name).HasMaxLength(120);
        b.Property(x => x.Terms).HasMaxLength(2000);
        b.Property(x => x.ExcludeTerms).HasMaxLength(2000);
        b.HasIndex(x => x.Name).IsUnique();
        b.HasOne<Organization.Directorate>().WithMany().HasForeignKey(x => x.DirectorateId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class PressDigestDispatchConfiguration : IEntityTypeConfiguration<PressDigestDispatch>
{
    public void Configure(EntityTypeBuilder<PressDigestDispatch> b)
    {
        b.Property(x => x.LastError).HasMaxLength(1000);
        b.HasIndex(x => x.Day).IsUnique();
    }
}

internal sealed class PressReleaseConfiguration : IEntityTypeConfiguration<PressRelease>
{
    public void Configure(EntityTypeBuilder<PressRelease> b)
    {
        b.Property(x => x.Title).HasMaxLength(300);
        b.Property(x => x.Body).HasMaxLength(20000);
        b.Property(x => x.RecipientIds).HasMaxLength(4000);
        b.Property(x => x.CreatedBy).HasMaxLength(200);
        b.Property(x => x.DecidedBy).HasMaxLength(200);
        b.Property(x => x.DecisionNote).HasMaxLength(1000);
        b.Property(x => x.SendError).HasMaxLength(2000);
        b.HasIndex(x => new { x.Status, x.PublishAt });
    }
}

internal sealed class JournalistConfiguration : IEntityTypeConfiguration<Journalist>
{
    public void Configure(EntityTypeBuilder<Journalist> b)
    {
        b.Property(x => x.FullName).HasMaxLength(160);
        b.Property(x => x.Outlet).HasMaxLength(160);
        b.Property(x => x.Phone).HasMaxLength(20);
        b.Property(x => x.Email).HasMaxLength(254);
    }
}
