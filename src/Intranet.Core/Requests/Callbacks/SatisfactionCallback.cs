using Intranet.Core.Common;
using Intranet.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Intranet.Core.Requests.Callbacks;

public enum CallbackStatus
{
    Bekliyor = 0,
    Tamamlandi = 1,
    /// <summary>Not reached after <see cref="SatisfactionCallbackService.MaxAttempts"/> tries: left out of every rate.</summary>
    Ulasilamadi = 2,
}

public enum CallbackMethod
{
    Telefon = 0,
    Sms = 1,
}

/// <summary>
/// A satisfaction callback: after the citizen was answered, the desk asks a sample of them whether the problem was
/// solved and how satisfied they are (1–5). "Not solved" reopens the request.
/// </summary>
public class SatisfactionCallback : IVersioned, IAudited
{
    public int Id { get; set; }
    public int RequestId { get; set; }
    public Request? Request { get; set; }
    public DateTime SampledAt { get; set; }
    public CallbackStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTime? LastAttemptAt { get; set; }
    /// <summary>When the question went out by SMS (the answer is then recorded by the desk as an SMS answer).</summary>
    public DateTime? SmsAskedAt { get; set; }
    public CallbackMethod? Method { get; set; }
    public bool? Solved { get; set; }
    public int? Score { get; set; }
    /// <summary>What the citizen said, in their words; copied to the request's history when it is reopened.</summary>
    public string? CitizenWords { get; set; }
    public DateTime? CompletedAt { get; set; }
    public string? CompletedBy { get; set; }
    public Guid Version { get; set; }
}

/// <summary>Config section <c>Satisfaction</c>.</summary>
public sealed record SatisfactionOptions
{
    public const string Section = "Satisfaction";
    /// <summary>Share of answered requests (0–100) the desk calls back.</summary>
    public int SharePercent { get; init; } = 20;
}

public static class CallbackText
{
    public static string Name(this CallbackStatus s) => s switch
    {
        CallbackStatus.Bekliyor => "Bekliyor",
        CallbackStatus.Tamamlandi => "Tamamlandı",
        CallbackStatus.Ulasilamadi => "Ulaşılamadı",
        _ => s.ToString(),
    };

    public static string Name(this CallbackMethod m) => m == CallbackMethod.Sms ? "SMS" : "Telefon";
}

internal sealed class SatisfactionCallbackConfiguration : IEntityTypeConfiguration<SatisfactionCallback>
{
    public void Configure(EntityTypeBuilder<SatisfactionCallback> b)
    {
        b.ToTable("SatisfactionCallbacks");
        b.Property(x => x.CitizenWords).HasMaxLength(2000);
        b.Property(x => x.CompletedBy).HasMaxLength(160);
        b.HasIndex(x => x.RequestId);
        // The desk's queue: waiting callbacks, oldest first.
        b.HasIndex(x => new { x.Status, x.SampledAt });
        b.HasOne(x => x.Request).WithMany().HasForeignKey(x => x.RequestId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>The table as a property of the context, kept here so the feature adds no line to the shared context file.</summary>
public static class CallbackData
{
    extension(IntranetDbContext db)
    {
        public DbSet<SatisfactionCallback> SatisfactionCallbacks => db.Set<SatisfactionCallback>();
    }
}
