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
        b.Property(x => x.MatchedRules).HasMaxLength(1000);
        b.HasIndex(x => x.PublishedAt);
        b.HasIndex(x => new { x.SourceId, x.TitleKey });
        b.HasIndex(x => x.Url);
        b.HasOne(x => x.Source).WithMany().HasForeignKey(x => x.SourceId).OnDelete(DeleteBehavior.SetNull);
    }
}
