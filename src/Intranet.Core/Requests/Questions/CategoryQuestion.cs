using Intranet.Core.Common;
using Intranet.Core.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Intranet.Core.Organization
{
    // A category's intake settings: a stop-warning for emergencies that are not the municipality's to take.
    public partial class Category
    {
        /// <summary>
        /// When set, the intake form stops on this category and tells the operator to send the caller to
        /// <see cref="EmergencyLine"/> instead (a gas leak: İGDAŞ 187; a collapsed wall: 112). No request is recorded.
        /// </summary>
        public string? StopWarning { get; set; }
        /// <summary>The line to call instead, e.g. "112 Acil Çağrı" or "İGDAŞ 187 Doğalgaz Acil".</summary>
        public string? EmergencyLine { get; set; }
    }
}

namespace Intranet.Core.Requests
{
    public enum QuestionKind
    {
        Text = 0,
        Number = 1,
        Choice = 2,
    }

    /// <summary>An extra question the intake form asks for one category (the pole number of a street lamp, the plate of an abandoned car).</summary>
    public class CategoryQuestion : IVersioned, IAudited
    {
        public int Id { get; set; }
        public int CategoryId { get; set; }
        /// <summary>Position on the form, ascending.</summary>
        public int Order { get; set; }
        public required string Label { get; set; }
        public string? HelpText { get; set; }
        public QuestionKind Kind { get; set; }
        /// <summary>For <see cref="QuestionKind.Choice"/>: the options, one per line.</summary>
        public string? Choices { get; set; }
        public bool Required { get; set; }
        public Guid Version { get; set; }

        public IReadOnlyList<string> ChoiceList() =>
            (Choices ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    /// <summary>
    /// The answer to a category question, kept with the request. The question's wording is copied, so editing or
    /// removing the question later does not change what was asked then. Written at intake, never edited.
    /// </summary>
    public class RequestAnswer
    {
        public long Id { get; set; }
        public int RequestId { get; set; }
        public Request? Request { get; set; }
        public int? QuestionId { get; set; }
        public int Order { get; set; }
        public required string Question { get; set; }
        public required string Answer { get; set; }
    }

    internal sealed class CategoryQuestionConfiguration : IEntityTypeConfiguration<CategoryQuestion>
    {
        public void Configure(EntityTypeBuilder<CategoryQuestion> b)
        {
            b.ToTable("CategoryQuestions");
            b.Property(x => x.Label).HasMaxLength(200);
            b.Property(x => x.HelpText).HasMaxLength(400);
            b.Property(x => x.Choices).HasMaxLength(2000);
            b.HasIndex(x => new { x.CategoryId, x.Order });
            b.HasOne<Organization.Category>().WithMany().HasForeignKey(x => x.CategoryId).OnDelete(DeleteBehavior.Cascade);
        }
    }

    internal sealed class RequestAnswerConfiguration : IEntityTypeConfiguration<RequestAnswer>
    {
        public void Configure(EntityTypeBuilder<RequestAnswer> b)
        {
            b.ToTable("RequestAnswers");
            b.Property(x => x.Question).HasMaxLength(200);
            b.Property(x => x.Answer).HasMaxLength(500);
            b.HasIndex(x => x.RequestId);
            b.HasOne(x => x.Request).WithMany().HasForeignKey(x => x.RequestId).OnDelete(DeleteBehavior.Cascade);
            b.HasOne<CategoryQuestion>().WithMany().HasForeignKey(x => x.QuestionId).OnDelete(DeleteBehavior.SetNull);
        }
    }

    internal sealed class CategoryIntakeConfiguration : IEntityTypeConfiguration<Organization.Category>
    {
        public void Configure(EntityTypeBuilder<Organization.Category> b)
        {
            b.Property(x => x.StopWarning).HasMaxLength(1000);
            b.Property(x => x.EmergencyLine).HasMaxLength(100);
        }
    }
}
