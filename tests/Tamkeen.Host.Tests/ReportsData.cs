using Tamkeen.Core.Beneficiaries;
using Tamkeen.Core.Conversations;
using Tamkeen.Core.Handoff;
using Tamkeen.Core.Requests;
using Tamkeen.Core.Text;
using Tamkeen.Core.Surveys;
using Tamkeen.Host.Handoff;
using Tamkeen.Host.Messaging.Events;
using Tamkeen.Host.Questions;
using Tamkeen.Host.Requests;
using Tamkeen.Host.Surveys;

namespace Tamkeen.Host.Tests;

/// <summary>
/// March 2025 (Saudi days) written straight into the database, with rows just outside it. Saudi time is UTC+3, so March
/// runs from 2025-02-28 21:00 to 2025-03-31 21:00 UTC. Working hours are the default: Sunday to Thursday, 08:00–14:00 Saudi,
/// 05:00–11:00 UTC; 2 March 2025 is a Sunday. Every due time has passed long ago.
/// </summary>
public static class ReportsData
{
    public const string From = "2025-03-01", To = "2025-03-31";
    public const string FoodBasket = "food-basket", RentSupport = "rent-support";
    public const string AmountQuestion = "كم مبلغ المساعدة؟";
    public const string PhoneInComment = "0551234567";

    private static DateTimeOffset Utc(int month, int day, int hour, int minute = 0) => new(2025, month, day, hour, minute, 0, TimeSpan.Zero);

    public static async Task SeedAsync(RunningService service)
    {
        await using var db = service.OpenDatabase();
        var people = Enumerable.Range(0, 12).Select(_ => new Beneficiary { CreatedAt = Utc(1, 1, 0) }).ToList();
        db.Beneficiaries.AddRange(people);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        var p = people.Select(b => b.Id).ToList();

        // Requests. Decision hours in March: R1 48, R2 144, R3 240 (late), R5 1, R8 72; R4 undecided and overdue.
        db.ServiceRequests.AddRange(
            Request("R1", p[0], FoodBasket, RequestStatus.Approved, Utc(3, 2, 9), null, (RequestStatus.Approved, 48)),
            Request("R2", p[0], FoodBasket, RequestStatus.Rejected, Utc(3, 3, 9), null, (RequestStatus.Rejected, 144)),
            Request("R3", p[1], FoodBasket, RequestStatus.Completed, Utc(3, 4, 9), null, (RequestStatus.Approved, 240), (RequestStatus.Completed, 264)),
            Request("R4", p[1], RentSupport, RequestStatus.UnderStudy, Utc(3, 5, 9), Utc(3, 12, 9), (RequestStatus.UnderStudy, 24), (null, 30)),
            Request("R5", p[2], RentSupport, RequestStatus.Approved, Utc(3, 20, 9), null, (RequestStatus.Approved, 1)),
            // 1 March 00:30 Saudi: inside.
            Request("R8", p[2], FoodBasket, RequestStatus.Approved, Utc(2, 28, 21, 30), null, (RequestStatus.Approved, 72)),
            // 28 February 23:00 Saudi and 1 April 00:30 Saudi: outside; R6's approval (1 March 23:00 Saudi) is a decision made in March.
            Request("R6", p[3], FoodBasket, RequestStatus.Approved, Utc(2, 28, 20), null, (RequestStatus.Approved, 24)),
            Request("R7", p[3], RentSupport, RequestStatus.Approved, Utc(3, 31, 21, 30), null, (RequestStatus.Approved, 24)));

        db.Cases.AddRange(
            // Opened in working hours: Sunday 09:00, Monday 10:00, Tuesday 11:00 Saudi.
            Case("C1", p[0], CaseReason.AskedForPerson, CaseStatus.Closed, Utc(3, 2, 6), reply: 0.5, close: 2),
            Case("C2", p[1], CaseReason.Complaint, CaseStatus.Closed, Utc(3, 3, 7), reply: 1, close: 5),
            Case("C3", p[0], CaseReason.GuideFailedTwice, CaseStatus.Claimed, Utc(3, 4, 8), reply: 2, close: null),
            // Outside: a Friday, Sunday 18:00 Saudi, Wednesday 15:00 Saudi.
            Case("C4", p[2], CaseReason.Urgent, CaseStatus.Closed, Utc(3, 7, 6), reply: 48, close: 50, urgent: true),
            // Handed back to the bot, not closed: its end is not a close.
            Case("C5", p[4], CaseReason.AskedForPerson, CaseStatus.Released, Utc(3, 2, 15), reply: 15, close: 16),
            Case("C6", p[5], CaseReason.GuideFailedTwice, CaseStatus.Open, Utc(3, 12, 12), reply: null, close: null),
            Case("C7", p[6], CaseReason.AskedForPerson, CaseStatus.Closed, Utc(4, 1, 6), reply: 1, close: 1));

        db.UnansweredQuestions.AddRange(
            Question(p[0], AmountQuestion, UnansweredReason.NoMatch, Utc(3, 2, 5)),
            Question(p[0], AmountQuestion, UnansweredReason.NotHelpful, Utc(3, 2, 6)),
            Question(p[1], "متى يصرف الدعم", UnansweredReason.NoMatch, Utc(3, 4, 7)),
            Question(p[2], AmountQuestion, UnansweredReason.NoneOfTheSuggestions, Utc(3, 10, 7)),
            Question(p[5], "سؤال بعد المدة", UnansweredReason.NoMatch, Utc(4, 2, 7)));
        // Ten questions put to the guide in March (one of them at 1 March 00:30 Saudi), one on 28 February and one in April.
        db.Events.AddRange([
            .. Enumerable.Range(0, 9).Select(i => Asked(p[i % 3], Utc(3, 2 + i, 6))), Asked(p[0], Utc(2, 28, 21, 30)),
            Asked(p[0], Utc(2, 28, 20)), Asked(p[5], Utc(4, 2, 7)),
        ]);

        // Polls sent in March, numbered as in the satisfaction test; P1 at 1 March 00:30 Saudi.
        db.Polls.AddRange(
            Poll("P1", p[0], PollSubject.Request, "R3", Channel.WhatsApp, "sara", "Completed", Utc(2, 28, 21, 30), 5, "خدمة سريعة، شكراً"),
            Poll("P2", p[0], PollSubject.Request, "R2", Channel.Sms, "sara", "Rejected", Utc(3, 10, 7), 2, $"لم أفهم سبب الرفض، جوالي {PhoneInComment}"),
            Poll("P3", p[0], PollSubject.Case, "C1", Channel.Telegram, "sara", "Closed", Utc(3, 3, 7), 4, null, resolved: true),
            Poll("P4", p[1], PollSubject.Case, "C2", Channel.WebChat, "omar", "Closed", Utc(3, 4, 7), 1, "لم تُحل مشكلتي", resolved: false),
            Poll("P5", p[2], PollSubject.Case, "C4", Channel.WhatsApp, "omar", "Closed", Utc(3, 9, 7), null, null, expired: true),
            Poll("P6", p[3], PollSubject.GuideAnswer, "working-hours", Channel.WebChat, null, null, Utc(3, 11, 7), 5, null),
            Poll("P7", p[4], PollSubject.GuideAnswer, "working-hours", Channel.Telegram, null, null, Utc(3, 16, 7), 3, null),
            Poll("P8", p[4], PollSubject.Case, "C5", Channel.WebChat, "sara", "Released", Utc(3, 17, 7), null, null),
            // Outside March: 28 February 23:00 Saudi, and April.
            Poll("P0", p[5], PollSubject.Request, "R6", Channel.WebChat, "sara", "Completed", Utc(2, 28, 20), 1, null),
            Poll("P9", p[3], PollSubject.Request, "R7", Channel.WhatsApp, "sara", "Completed", Utc(4, 3, 7), 1, null),
            NotSent(p[6], PollNotSentReason.OptedOut, Utc(3, 5, 7)),
            NotSent(p[7], PollNotSentReason.TooSoon, Utc(3, 6, 7)),
            NotSent(p[0], PollNotSentReason.TooSoon, Utc(3, 12, 7)),
            NotSent(p[8], PollNotSentReason.OutsideWhatsAppWindow, Utc(4, 4, 7)));
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    private static ServiceRequest Request(string reference, long person, string service, RequestStatus status, DateTimeOffset submitted,
        DateTimeOffset? overdueSince, params (RequestStatus? Status, double Hours)[] history) => new()
    {
        Reference = reference, BeneficiaryId = person, ServiceId = service, Status = status, AnswersJson = "{}",
        SubmittedAt = submitted, DueAt = submitted.AddDays(7), OverdueSince = overdueSince,
        History = [.. history.Select(h => new RequestHistoryEntry
        {
            Status = h.Status, Note = h.Status is null ? "ملاحظة داخلية" : null, By = "manager", At = submitted.AddHours(h.Hours),
        })],
    };

    private static StaffCase Case(string reference, long person, CaseReason reason, CaseStatus status, DateTimeOffset opened,
        double? reply, double? close, bool urgent = false) => new()
    {
        Reference = reference, BeneficiaryId = person, Reason = reason, Status = status, Urgent = urgent, Channel = Channel.WebChat,
        OpenedAt = opened, ClaimedAt = reply is { } r ? opened.AddHours(r) : null, ClaimedBy = reply is null ? null : "sara",
        FirstReplyAt = reply is { } f ? opened.AddHours(f) : null, ClosedAt = close is { } c ? opened.AddHours(c) : null,
    };

    private static UnansweredQuestion Question(long person, string question, UnansweredReason reason, DateTimeOffset at) => new()
    {
        BeneficiaryId = person, Question = question, NormalizedQuestion = ArabicText.Normalize(question), Language = Language.Arabic,
        Reason = reason, AskedAt = at,
    };

    private static StoredEvent Asked(long person, DateTimeOffset at) => new()
    {
        BeneficiaryId = person, Type = nameof(GuideQuestionAsked), PayloadJson = "{\"Language\":0}", CreatedAt = at,
    };

    private static Poll Poll(string id, long person, PollSubject subject, string reference, Channel channel, string? handledBy, string? outcome,
        DateTimeOffset sent, int? score, string? comment, bool? resolved = null, bool expired = false) => new()
    {
        PollId = id, BeneficiaryId = person, Subject = subject, Reference = reference, Channel = channel, HandledBy = handledBy, Outcome = outcome,
        CreatedAt = sent, Score = score, Comment = comment, Resolved = resolved, AnsweredAt = score is null ? null : sent.AddHours(1),
        ExpiredAt = expired ? sent.AddHours(48) : null,
    };

    private static Poll NotSent(long person, PollNotSentReason reason, DateTimeOffset at) => new()
    {
        BeneficiaryId = person, Subject = PollSubject.Request, Channel = Channel.WebChat, CreatedAt = at, NotSentReason = reason,
    };
}
