using Intranet.Core.Data;
using Intranet.Core.Muhtars;
using Intranet.Core.Organization;
using Intranet.Core.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Intranet.Core.Correspondence;

/// <summary>The register's tables as <c>db.RegisterEntries</c> etc.</summary>
public static class RegisterSets
{
    extension(IntranetDbContext db)
    {
        public DbSet<RegisterEntry> RegisterEntries => db.Set<RegisterEntry>();
        public DbSet<RegisterAttachment> RegisterAttachments => db.Set<RegisterAttachment>();
        public DbSet<LetterTemplate> LetterTemplates => db.Set<LetterTemplate>();
    }
}

internal sealed class RegisterEntryConfiguration : IEntityTypeConfiguration<RegisterEntry>
{
    public void Configure(EntityTypeBuilder<RegisterEntry> b)
    {
        b.ToTable("RegisterEntries");
        b.Property(x => x.Number).HasMaxLength(20);
        b.Property(x => x.PartyName).HasMaxLength(200);
        b.Property(x => x.PartyAddress).HasMaxLength(400);
        b.Property(x => x.ExternalNumber).HasMaxLength(64);
        b.Property(x => x.Subject).HasMaxLength(300);
        b.Property(x => x.Body).HasMaxLength(8000);
        b.Property(x => x.SearchKey).HasMaxLength(600);
        b.Property(x => x.CompletionNote).HasMaxLength(4000);
        b.Property(x => x.CreatedBy).HasMaxLength(160);
        // The sayı: unique, and with YearlySequence gap-free, per direction and year.
        b.HasIndex(x => new { x.Direction, x.Year, x.Sequence }).IsUnique();
        b.HasIndex(x => x.Number).IsUnique();
        b.HasIndex(x => new { x.DirectorateId, x.CompletedAt });
        b.HasIndex(x => x.RegisteredOn);
        b.HasMany(x => x.Attachments).WithOne().HasForeignKey(x => x.EntryId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Directorate>().WithMany().HasForeignKey(x => x.DirectorateId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Request>().WithMany().HasForeignKey(x => x.RequestId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Muhtar>().WithMany().HasForeignKey(x => x.MuhtarId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<LetterTemplate>().WithMany().HasForeignKey(x => x.TemplateId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class RegisterAttachmentConfiguration : IEntityTypeConfiguration<RegisterAttachment>
{
    public void Configure(EntityTypeBuilder<RegisterAttachment> b)
    {
        b.Property(x => x.FileName).HasMaxLength(260);
        b.Property(x => x.ContentType).HasMaxLength(100);
        b.Property(x => x.UploadedBy).HasMaxLength(160);
        b.HasIndex(x => x.EntryId);
    }
}

internal sealed class LetterTemplateConfiguration : IEntityTypeConfiguration<LetterTemplate>
{
    public void Configure(EntityTypeBuilder<LetterTemplate> b)
    {
        b.Property(x => x.Name).HasMaxLength(120);
        b.Property(x => x.Subject).HasMaxLength(300);
        b.Property(x => x.Body).HasMaxLength(8000);
        b.HasIndex(x => x.Name).IsUnique();
    }
}
