using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Tamkeen.Core.Beneficiaries;
using Tamkeen.Core.Conversations;
using Tamkeen.Core.Feedback;
using Tamkeen.Host.Messaging;
using Tamkeen.Host.Messaging.Events;
using Tamkeen.Host.Messaging.Timers;
using Tamkeen.Host.Questions;
using Tamkeen.Host.Requests;

namespace Tamkeen.Host.Data;

public sealed class TamkeenDb(DbContextOptions<TamkeenDb> options) : DbContext(options)
{
    public DbSet<Beneficiary> Beneficiaries => Set<Beneficiary>();
    public DbSet<ChannelIdentity> ChannelIdentities => Set<ChannelIdentity>();
    public DbSet<Conversation> Conversations => Set<Conversation>();
    public DbSet<InboxMessage> Inbox => Set<InboxMessage>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<FeedbackItem> Feedback => Set<FeedbackItem>();
    public DbSet<UnansweredQuestion> UnansweredQuestions => Set<UnansweredQuestion>();
    public DbSet<ServiceRequest> ServiceRequests => Set<ServiceRequest>();
    public DbSet<StoredEvent> Events => Set<StoredEvent>();
    public DbSet<DueTimer> Timers => Set<DueTimer>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot compare DateTimeOffset text; all our times are UTC, so their binary form sorts correctly.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ChannelIdentity>(e =>
        {
            e.HasIndex(i => new { i.Channel, i.Address }).IsUnique();
            e.HasIndex(i => i.Phone);
            e.Property(i => i.Phone).HasMaxLength(20);
            e.HasOne<Beneficiary>().WithMany(b => b.Identities).HasForeignKey(i => i.BeneficiaryId);
        });
        modelBuilder.Entity<Conversation>(e =>
        {
            e.HasKey(c => c.BeneficiaryId);
            e.Property(c => c.BeneficiaryId).ValueGeneratedNever();
            e.HasOne<Beneficiary>().WithOne().HasForeignKey<Conversation>(c => c.BeneficiaryId);
            e.Property(c => c.Version).IsConcurrencyToken();
            // One JSON column per flow's record: a flow adds fields without a migration, and an empty flow is NULL.
            e.ComplexProperty(c => c.Request, b =>
            {
                b.ToJson();
                b.ComplexCollection(r => r.Answers);
                b.ComplexCollection(r => r.Attachments);
            });
            e.ComplexProperty(c => c.Guide, b => b.ToJson());
            e.ComplexProperty(c => c.Feedback, b => b.ToJson());
            e.ComplexProperty(c => c.Information, b => b.ToJson());
        });
        modelBuilder.Entity<InboxMessage>(e =>
        {
            e.HasIndex(m => new { m.Channel, m.ChannelMessageId }).IsUnique();
            e.HasIndex(m => m.ProcessedAt);
            e.HasIndex(m => new { m.Channel, m.SenderAddress });
        });
        modelBuilder.Entity<OutboxMessage>(e =>
        {
            e.Ignore(m => m.Buttons);
            e.HasIndex(m => new { m.Status, m.NextAttemptAt });
            e.HasIndex(m => new { m.Channel, m.Address });
            e.HasIndex(m => m.ProviderMessageId);
        });
        modelBuilder.Entity<ServiceRequest>(e =>
        {
            e.HasIndex(r => r.Reference).IsUnique();
            e.HasIndex(r => r.BeneficiaryId);
            // At most one open request per service and ID number, even when two accounts submit at once.
            e.HasIndex(r => new { r.ServiceId, r.NationalId }).IsUnique()
                .HasFilter("\"NationalId\" IS NOT NULL AND \"Status\" NOT IN ('Rejected', 'Completed')");
            e.Property(r => r.Reference).HasMaxLength(32);
            e.Property(r => r.ServiceId).HasMaxLength(64);
            e.HasMany(r => r.History).WithOne().HasForeignKey(h => h.ServiceRequestId);
            e.HasOne<Beneficiary>().WithMany().HasForeignKey(r => r.BeneficiaryId);
        });
        modelBuilder.Entity<DueTimer>(e =>
        {
            e.ToTable("Timers");
            e.HasIndex(t => new { t.Subject, t.Kind }).IsUnique();
            e.HasIndex(t => t.DueAt);
            e.Property(t => t.Subject).HasMaxLength(DueTimer.SubjectMaxLength);
            e.Property(t => t.Payload).HasMaxLength(DueTimer.PayloadMaxLength);
            e.HasOne<Beneficiary>().WithMany().HasForeignKey(t => t.BeneficiaryId);
        });
        modelBuilder.Entity<UnansweredQuestion>(e =>
        {
            e.HasIndex(q => q.AskedAt);
            e.Property(q => q.EntryId).HasMaxLength(64);
            e.HasOne<Beneficiary>().WithMany().HasForeignKey(q => q.BeneficiaryId);
        });
        modelBuilder.Entity<StoredEvent>(e =>
        {
            e.ToTable("Events");
            e.HasIndex(x => x.InboxMessageId);
            e.HasIndex(x => new { x.Type, x.CreatedAt });
            e.Property(x => x.Type).HasMaxLength(64);
        });
        modelBuilder.Entity<FeedbackItem>(e =>
        {
            e.ToTable("Feedback");
            e.HasIndex(f => f.Reference).IsUnique();
            e.HasOne<Beneficiary>().WithMany().HasForeignKey(f => f.BeneficiaryId);
        });
    }
}
