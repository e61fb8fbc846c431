using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tamkeen.Host.Data.Migrations
{
    /// <inheritdoc />
    public partial class ConversationCore : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "InformationReceivedAt",
                table: "ServiceRequests",
                type: "INTEGER",
                nullable: true);
            migrationBuilder.AddColumn<long>(
                name: "OverdueSince",
                table: "ServiceRequests",
                type: "INTEGER",
                nullable: true);
            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "Inbox",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "Message");
            migrationBuilder.AddColumn<string>(
                name: "AwaitedInformation",
                table: "Conversations",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");
            migrationBuilder.CreateTable(
                name: "Events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BeneficiaryId = table.Column<long>(type: "INTEGER", nullable: false),
                    InboxMessageId = table.Column<long>(type: "INTEGER", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PayloadJson = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Events", x => x.Id);
                });
            migrationBuilder.CreateTable(
                name: "Timers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    BeneficiaryId = table.Column<long>(type: "INTEGER", nullable: true),
                    Payload = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Timers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Timers_Beneficiaries_BeneficiaryId",
                        column: x => x.BeneficiaryId,
                        principalTable: "Beneficiaries",
                        principalColumn: "Id");
                });
            migrationBuilder.CreateIndex(
                name: "IX_Events_InboxMessageId",
                table: "Events",
                column: "InboxMessageId");
            migrationBuilder.CreateIndex(
                name: "IX_Events_Type_CreatedAt",
                table: "Events",
                columns: new[] { "Type", "CreatedAt" });
            migrationBuilder.CreateIndex(
                name: "IX_Timers_BeneficiaryId",
                table: "Timers",
                column: "BeneficiaryId");
            migrationBuilder.CreateIndex(
                name: "IX_Timers_DueAt",
                table: "Timers",
                column: "DueAt");
            migrationBuilder.CreateIndex(
                name: "IX_Timers_Subject_Kind",
                table: "Timers",
                columns: new[] { "Subject", "Kind" },
                unique: true);
        
            foreach (var (name, type) in new[] { ("Request", "TEXT"), ("Guide", "TEXT"), ("Feedback", "TEXT"), ("Information", "TEXT") })
                migrationBuilder.AddColumn<string>(name: name, table: "Conversations", type: type, nullable: true);
            migrationBuilder.AddColumn<bool>(name: "Restarted", table: "Conversations", type: "INTEGER", nullable: false, defaultValue: false);
            migrationBuilder.AddColumn<int>(name: "Version", table: "Conversations", type: "INTEGER", nullable: false, defaultValue: 0);
            migrationBuilder.AddColumn<long>(name: "IdleTimerAt", table: "Conversations", type: "INTEGER", nullable: true);
            migrationBuilder.RenameColumn(name: "NoticeJson", table: "Inbox", newName: "PayloadJson");
            migrationBuilder.Sql(CarryOver);
            // SQLite drops a column in place (3.35+); EF's DropColumn would rebuild the table outside the transaction.
            foreach (var column in OldConversationColumns) migrationBuilder.Sql($"ALTER TABLE Conversations DROP COLUMN {column};");
        }

        private static readonly string[] OldConversationColumns =
        [
            "PendingFeedbackKind", "PendingQuestion", "QuestionLanguage", "GuideEntryIds", "RequestServiceId", "RequestField",
            "RequestAnswersJson", "RequestTries", "RequestEditing", "RequestAttachmentsJson", "FollowUpReference",
        ];

        /// <summary>
        /// Today's conversations, carried into one JSON record per flow, so a person mid-request, mid-question or asked
        /// for information is in the same place after the upgrade. A reference asked about from another account
        /// (FollowUpIdentity) is no longer shown, so that step goes back to the menu. Bare feedback numbers get the
        /// new references (SUG-/CMP-YYMM-NNNNN, the month from their stored time), and open requests their overdue timer.
        /// </summary>
        private const string CarryOver =
            """
            UPDATE Inbox SET Kind = 'StatusChange' WHERE PayloadJson IS NOT NULL;

            UPDATE Conversations SET Request = json_object(
                'ServiceId', RequestServiceId,
                'Field', RequestField,
                'Answers', (SELECT json_group_array(json_object('Field', a.key, 'Value', a.value)) FROM json_each(COALESCE(RequestAnswersJson, '{}')) a),
                'Tries', RequestTries,
                'Editing', json(CASE WHEN RequestEditing THEN 'true' ELSE 'false' END),
                'Attachments', json(COALESCE(RequestAttachmentsJson, '[]')))
            WHERE RequestServiceId IS NOT NULL AND State IN ('RequestService', 'RequestField', 'RequestSummary', 'RequestEditPick');

            UPDATE Conversations SET Guide = json_object(
                'Question', PendingQuestion,
                'Language', COALESCE(QuestionLanguage, Language),
                'EntryIds', json('["' || replace(COALESCE(GuideEntryIds, ''), ',', '","') || '"]'))
            WHERE State IN ('Question', 'AnswerFeedback', 'Suggestions') AND (PendingQuestion IS NOT NULL OR GuideEntryIds IS NOT NULL);
            UPDATE Conversations SET Guide = json_set(Guide, '$.EntryIds', json('[]')) WHERE Guide IS NOT NULL AND GuideEntryIds IS NULL;

            UPDATE Conversations SET Feedback = json_object('Kind', PendingFeedbackKind)
            WHERE PendingFeedbackKind IS NOT NULL AND State IN ('FeedbackKind', 'FeedbackText');

            UPDATE Conversations SET Information = json_object('Reference', FollowUpReference, 'Messages', 0, 'Files', 0),
                AwaitedInformation = json_array(FollowUpReference)
            WHERE State = 'RequestInformation' AND FollowUpReference IS NOT NULL;
            UPDATE Conversations SET State = 'MainMenu' WHERE State = 'FollowUpIdentity' OR (State = 'RequestInformation' AND Information IS NULL);

            UPDATE Feedback SET Reference =
                CASE Kind WHEN 'Complaint' THEN 'CMP-' ELSE 'SUG-' END
                || substr(strftime('%Y%m', ((CreatedAt >> 11) * 1000) / 10000000 - 62135596800, 'unixepoch'), 3)
                || '-' || printf('%05d', CAST(Reference AS INTEGER))
            WHERE Reference NOT LIKE '%-%';

            INSERT INTO Timers (Subject, Kind, DueAt)
            SELECT 'request/' || Reference, 'RequestOverdue', DueAt FROM ServiceRequests
            WHERE Status IN ('Submitted', 'Verified', 'UnderStudy', 'NeedsInformation');
            """;

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(name: "Events");
            migrationBuilder.DropTable(name: "Timers");
            migrationBuilder.DropColumn(name: "InformationReceivedAt", table: "ServiceRequests");
            migrationBuilder.DropColumn(name: "OverdueSince", table: "ServiceRequests");
            migrationBuilder.DropColumn(name: "Kind", table: "Inbox");
            migrationBuilder.RenameColumn(name: "PayloadJson", table: "Inbox", newName: "NoticeJson");
            // Drafts in the JSON records are not carried back: people mid-flow start again from the menu.
            foreach (var column in new[] { "AwaitedInformation", "Request", "Guide", "Feedback", "Information", "Restarted", "Version", "IdleTimerAt" })
                migrationBuilder.DropColumn(name: column, table: "Conversations");
            foreach (var column in new[] { "PendingQuestion", "QuestionLanguage", "GuideEntryIds", "RequestServiceId", "RequestField", "RequestAnswersJson",
                         "RequestAttachmentsJson", "FollowUpReference", "PendingFeedbackKind" })
                migrationBuilder.AddColumn<string>(name: column, table: "Conversations", type: "TEXT", nullable: true);
            migrationBuilder.AddColumn<int>(name: "RequestTries", table: "Conversations", type: "INTEGER", nullable: false, defaultValue: 0);
            migrationBuilder.AddColumn<bool>(name: "RequestEditing", table: "Conversations", type: "INTEGER", nullable: false, defaultValue: false);
            migrationBuilder.Sql("UPDATE Conversations SET State = 'MainMenu';");
        }
    }
}
