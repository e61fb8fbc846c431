using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Tamkeen.Core.Beneficiaries;
using Tamkeen.Core.Conversations;
using Tamkeen.Core.Feedback;
using Tamkeen.Host.Feedback;
using Tamkeen.Host.Handoff;
using Tamkeen.Host.Handoff.Telegram;
using Tamkeen.Host.Messaging;
using Tamkeen.Host.Messaging.Events;
using Tamkeen.Host.Messaging.Timers;
using Tamkeen.Host.Questions;
using Tamkeen.Host.Requests;
using Tamkeen.Host.Staff;
using Tamkeen.Host.Surveys;

namespace Tamkeen.Host.Data;

/// <remarks>Identity's tables (AspNetUsers, AspNetRoles, …) are here too, for staff accounts: see <see cref="StaffSignIn"/>.</remarks>
public sealed class TamkeenDb(DbContextOptions<TamkeenDb> options) : IdentityDbContext<StaffUser, IdentityRole, string>(options)
{
    public DbSet<Beneficiary> Beneficiaries => Set<Beneficiary>();
    public DbSet<ChannelIdentity> ChannelIdentities => Set<ChannelIdentity>();
    public DbSet<Conversation> Conversations => Set<Conversation>();
    public DbSet<InboxMessage> Inbox => Set<InboxMessage>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<FeedbackItem> Feedback => Set<FeedbackItem>();
    public DbSet<FeedbackHistoryEntry> FeedbackHistory => Set<FeedbackHistoryEntry>();
    public DbSet<UnansweredQuestion> UnansweredQuestions => Set<UnansweredQuestion>();
    public DbSet<ServiceRequest> ServiceRequests => Set<ServiceRequest>();
    public DbSet<StoredEvent> Events => Set<StoredEvent>();
    public DbSet<DueTimer> Timers => Set<DueTimer>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<PersonalToken> PersonalTokens => Set<PersonalToken>();
    public DbSet<StaffCase> Cases => Set<StaffCase>();
    public DbSet<CaseEntry> CaseEntries => Set<CaseEntry>();
    public DbSet<Poll> Polls => Set<Poll>();
    public DbSet<StaffTelegramUpdate> StaffTelegramUpdates => Set<StaffTelegramUpdate>();

    /// <summary>Prepared inserts and updates of plain rows; only on the context <see cref="DatabaseWriter"/> gives a change.</summary>
    public RowStatements Rows => WriterStatements ?? throw new InvalidOperationException("Rows are written only inside a change given to DatabaseWriter.");

    internal RowStatements? WriterStatements { get; set; }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // SQLite cannot compare DateTimeOffset text; the binary form does, for times in one offset (UTC, see the converter).
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTimeToBinaryConverter>();
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // The three roles are data of the schema, not of a start: fixed ids and stamps, so a migration creates them once.
        builder.Entity<IdentityRole>().HasData(StaffRoles.All.Select(r => new IdentityRole
        {
            Id = r, Name = r, NormalizedName = r.ToUpperInvariant(), ConcurrencyStamp = r,
        }));
        builder.Entity<AuditEntry>(e =>
        {
            e.HasIndex(a => a.At);
            e.HasIndex(a => new { a.Subject, a.At });
            e.Property(a => a.Who).HasMaxLength(AuditEntry.WhoMaxLength);
            e.Property(a => a.Action).HasMaxLength(64);
            e.Property(a => a.Subject).HasMaxLength(AuditEntry.SubjectMaxLength);
            e.Property(a => a.Detail).HasMaxLength(AuditEntry.DetailMaxLength);
        });
        builder.Entity<ChannelIdentity>(e =>
        {
            e.HasIndex(i => new { i.Channel, i.Address }).IsUnique();
            e.HasIndex(i => i.Phone);
            e.Property(i => i.Phone).HasMaxLength(20);
            e.HasOne<Beneficiary>().WithMany(b => b.Identities).HasForeignKey(i => i.BeneficiaryId);
        });
        builder.Entity<Conversation>(e =>
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
            e.ComplexProperty(c => c.Handoff, b => b.ToJson());
            e.ComplexProperty(c => c.Poll, b => b.ToJson());
        });
        builder.Entity<InboxMessage>(e =>
        {
            e.HasIndex(m => new { m.Channel, m.ChannelMessageId }).IsUnique();
            // Only the rows waiting to be processed, which a start replays: a processed row leaves the index.
            e.HasIndex(m => m.ProcessedAt).HasFilter("\"ProcessedAt\" IS NULL");
            e.HasIndex(m => new { m.Channel, m.SenderAddress });
        });
        builder.Entity<OutboxMessage>(e =>
        {
            e.Ignore(m => m.Buttons);
            e.Ignore(m => m.Attachments);
            e.HasIndex(m => new { m.Status, m.NextAttemptAt });
            e.HasIndex(m => new { m.Channel, m.Address });
            // Only the rows that have one: a reply carried in a webhook answer has no provider id, and a reply to a
            // beneficiary belongs to no case, so most rows would add an entry to each index for nothing.
            e.HasIndex(m => m.ProviderMessageId).HasFilter("\"ProviderMessageId\" IS NOT NULL");
            e.HasIndex(m => m.CaseEntryId).IsUnique().HasFilter("\"CaseEntryId\" IS NOT NULL");
            e.HasIndex(m => m.CaseId).HasFilter("\"CaseId\" IS NOT NULL");
        });
        builder.Entity<StaffUser>(e =>
        {
            e.HasIndex(u => u.TelegramUserId).IsUnique();
            e.Property(u => u.TelegramLinkCodeHash).HasMaxLength(64);
        });
        builder.Entity<ServiceRequest>(e =>
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
        builder.Entity<StaffCase>(e =>
        {
            e.ToTable("Cases");
            e.HasIndex(c => c.Reference).IsUnique();
            e.HasIndex(c => new { c.Status, c.OpenedAt });
            // At most one open case per person, even if two of their inputs ran at once.
            e.HasIndex(c => c.BeneficiaryId).IsUnique().HasFilter("\"Status\" IN ('Open', 'Claimed')");
            e.Property(c => c.Reference).HasMaxLength(StaffCase.ReferenceMaxLength);
            e.Property(c => c.ClaimedBy).HasMaxLength(StaffCase.StaffNameMaxLength);
            e.Property(c => c.ClosedBy).HasMaxLength(StaffCase.StaffNameMaxLength);
            e.HasOne<Beneficiary>().WithMany().HasForeignKey(c => c.BeneficiaryId);
        });
        builder.Entity<Poll>(e =>
        {
            e.HasIndex(p => p.PollId).IsUnique();
            e.HasIndex(p => p.CreatedAt);
            e.Property(p => p.PollId).HasMaxLength(32);
            e.Property(p => p.Reference).HasMaxLength(32);
            e.Property(p => p.HandledBy).HasMaxLength(StaffCase.StaffNameMaxLength);
            e.Property(p => p.Comment).HasMaxLength(2000);
            e.HasOne<Beneficiary>().WithMany().HasForeignKey(p => p.BeneficiaryId);
        });
        builder.Entity<CaseEntry>(e =>
        {
            e.HasIndex(c => c.CaseId);
            e.HasIndex(c => c.NoticeKey).IsUnique();
            e.Property(c => c.By).HasMaxLength(StaffCase.StaffNameMaxLength);
            e.HasOne(c => c.Case).WithMany().HasForeignKey(c => c.CaseId);
            e.HasOne(c => c.InboxMessage).WithMany().HasForeignKey(c => c.InboxMessageId);
        });
        builder.Entity<StaffTelegramUpdate>(e =>
        {
            e.HasIndex(u => u.UpdateId).IsUnique();
            e.HasIndex(u => u.ProcessedAt);
        });
        builder.Entity<DueTimer>(e =>
        {
            e.ToTable("Timers");
            e.HasIndex(t => new { t.Subject, t.Kind }).IsUnique();
            e.HasIndex(t => t.DueAt);
            e.Property(t => t.Subject).HasMaxLength(DueTimer.SubjectMaxLength);
            e.Property(t => t.Payload).HasMaxLength(DueTimer.PayloadMaxLength);
            e.HasOne<Beneficiary>().WithMany().HasForeignKey(t => t.BeneficiaryId);
        });
        builder.Entity<UnansweredQuestion>(e =>
        {
            e.HasIndex(q => q.AskedAt);
            e.Property(q => q.EntryId).HasMaxLength(64);
            e.HasOne<Beneficiary>().WithMany().HasForeignKey(q => q.BeneficiaryId);
        });
        builder.Entity<StoredEvent>(e =>
        {
            e.ToTable("Events");
            e.HasIndex(x => x.InboxMessageId);
            e.HasIndex(x => new { x.Type, x.CreatedAt });
            e.Property(x => x.Type).HasMaxLength(64);
        });
        builder.Entity<FeedbackItem>(e =>
        {
            e.ToTable("Feedback");
            e.HasIndex(f => f.Reference).IsUnique();
            e.HasIndex(f => new { f.Status, f.Kind });
            e.Property(f => f.AssignedTo).HasMaxLength(FeedbackItem.AssigneeMaxLength);
            e.Property(f => f.InternalNote).HasMaxLength(FeedbackItem.NoteMaxLength);
            e.HasOne<Beneficiary>().WithMany().HasForeignKey(f => f.BeneficiaryId);
        });
        builder.Entity<FeedbackHistoryEntry>(e =>
        {
            e.HasIndex(h => h.FeedbackItemId);
            e.Property(h => h.By).HasMaxLength(AuditEntry.WhoMaxLength);
            e.Property(h => h.AssignedTo).HasMaxLength(FeedbackItem.AssigneeMaxLength);
            e.Property(h => h.Note).HasMaxLength(FeedbackItem.NoteMaxLength);
            e.Property(h => h.Reply).HasMaxLength(FeedbackItem.NoteMaxLength);
            e.HasOne<FeedbackItem>().WithMany().HasForeignKey(h => h.FeedbackItemId);
            e.HasOne(h => h.OutboxMessage).WithMany().HasForeignKey(h => h.OutboxMessageId);
        });
    }
}
