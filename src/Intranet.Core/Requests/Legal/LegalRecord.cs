using Intranet.Core.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Intranet.Core.Requests;

/// <summary>What the Bilgi Edinme Değerlendirme Kurulu decided on an applicant's objection (4982 md. 13–14).</summary>
public enum BoardOutcome
{
    /// <summary>The objection was rejected: the refusal stands.</summary>
    Reddedildi = 0,
    /// <summary>The objection was upheld: the information must be given.</summary>
    KabulEdildi = 1,
    /// <summary>Upheld in part: some of the information must be given.</summary>
    KismenKabulEdildi = 2,
}

/// <summary>
/// The legal path of one Law 4982 (bilgi edinme) application: why it was refused (articles of the law and the
/// reasoning), whether it was in fact an opinion request the law excludes (md. 27), and the applicant's objection
/// to the review board with its own dates. One per request, created when first recorded.
/// </summary>
public class LegalRecord : IVersioned, IAudited
{
    public int Id { get; set; }
    public int RequestId { get; set; }
    /// <summary>Article numbers of the refusal, comma-separated ("7,21"); see <see cref="Law4982.Grounds"/>.</summary>
    public string RefusalArticles { get; set; } = "";
    public string? RefusalText { get; set; }
    /// <summary>A request for advice or an opinion, outside the law (4982 md. 27): flagged, not counted as an information request.</summary>
    public bool ExcludedOpinionRequest { get; set; }
    /// <summary>Istanbul calendar day the applicant objected to the board.</summary>
    public DateOnly? ObjectionOn { get; set; }
    public DateOnly? BoardDecisionOn { get; set; }
    public BoardOutcome? BoardOutcome { get; set; }
    public string? BoardNote { get; set; }
    public Guid Version { get; set; }

    public IReadOnlyList<string> Articles() =>
        RefusalArticles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>A refusal may be recorded once it has a legal ground: an article, or the md. 27 exclusion.</summary>
    public bool HasRefusalGround => Articles().Count > 0 || ExcludedOpinionRequest;
}

internal sealed class LegalRecordConfiguration : IEntityTypeConfiguration<LegalRecord>
{
    public void Configure(EntityTypeBuilder<LegalRecord> b)
    {
        b.ToTable("LegalRecords");
        b.Property(x => x.RefusalArticles).HasMaxLength(100);
        b.Property(x => x.RefusalText).HasMaxLength(4000);
        b.Property(x => x.BoardNote).HasMaxLength(2000);
        b.HasIndex(x => x.RequestId).IsUnique();
        b.HasOne<Request>().WithMany().HasForeignKey(x => x.RequestId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>The grounds Law 4982 gives for refusing an application, by article.</summary>
public static class Law4982
{
    /// <summary>Days the applicant has to object to the board after the refusal (md. 13).</summary>
    public const int ObjectionDays = 15;

    public static readonly IReadOnlyList<(string Article, string Title)> Grounds =
    [
        ("7", "md. 7 – Ayrı ya da özel bir çalışma, araştırma, inceleme veya analiz gerektiren bilgi"),
        ("8", "md. 8 – Yayımlanmış veya kamuya açıklanmış bilgi veya belge"),
        ("15", "md. 15 – Yargı denetimi dışında kalan işlemler"),
        ("16", "md. 16 – Devlet sırrına ilişkin bilgi veya belgeler"),
        ("17", "md. 17 – Ülkenin ekonomik çıkarlarına ilişkin bilgi veya belgeler"),
        ("18", "md. 18 – İstihbarata ilişkin bilgi veya belgeler"),
        ("19", "md. 19 – İdari soruşturmaya ilişkin bilgi veya belgeler"),
        ("20", "md. 20 – Adli soruşturma ve kovuşturmaya ilişkin bilgi veya belgeler"),
        ("21", "md. 21 – Özel hayatın gizliliği"),
        ("22", "md. 22 – Haberleşmenin gizliliği"),
        ("23", "md. 23 – Ticari sır"),
        ("24", "md. 24 – Fikir ve sanat eserleri"),
        ("25", "md. 25 – Kurum içi düzenlemeler"),
        ("26", "md. 26 – Kurum içi görüş, bilgi notu ve tavsiyeler"),
        ("27", "md. 27 – Tavsiye ve mütalaa talepleri"),
        ("28", "md. 28 – Gizliliği kaldırılan bilgi veya belgeler"),
    ];

    public static string TitleOf(string article) =>
        Grounds.FirstOrDefault(g => g.Article == article).Title ?? $"md. {article}";

    public static string Name(this BoardOutcome outcome) => outcome switch
    {
        BoardOutcome.Reddedildi => "İtiraz reddedildi (ret yerinde)",
        BoardOutcome.KabulEdildi => "İtiraz kabul edildi (bilgi verilmeli)",
        BoardOutcome.KismenKabulEdildi => "İtiraz kısmen kabul edildi",
        _ => outcome.ToString(),
    };
}
