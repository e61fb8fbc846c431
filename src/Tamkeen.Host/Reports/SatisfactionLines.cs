using Tamkeen.Core.Conversations;
using Tamkeen.Core.Surveys;
using Tamkeen.Host.Requests;
using Tamkeen.Host.Staff;
using Tamkeen.Host.Staff.Pages;
using static Tamkeen.Host.Staff.ConsoleLanguage;

namespace Tamkeen.Host.Reports;

/// <summary>The satisfaction report's figures as report lines, in the console's language.</summary>
public static class SatisfactionLines
{
    public static IEnumerable<ReportLine> Of(SatisfactionReport report, RequestConsole console, int minimumAnswersPerStaff)
    {
        foreach (var line in Of(Say("الإجمالي", "Totals"), report.All, null)) yield return line;
        yield return new(Say("الإجمالي", "Totals"), Say("انتهت مدتها دون إجابة", "Expired unanswered"), report.Expired);
        for (var score = 5; score >= 1; score--)
            yield return new(Say("توزيع الدرجات", "Scores"), $"{score} — {ScoreWord(score)}", report.Distribution[score - 1]);
        foreach (var (reason, count) in report.NotSent)
            yield return new(Say("لم تُرسل", "Not sent"), NotSentReason(Enum.Parse<PollNotSentReason>(reason)), count);
        var resolved = Say("بعد الحالات مع الموظفين: هل حُلّت المسألة؟", "After staff cases: was the issue resolved?");
        yield return new(resolved, Say("نعم", "Yes"), report.ResolvedYes);
        yield return new(resolved, Say("لا", "No"), report.ResolvedNo);
        yield return new(resolved, Say("نسبة «نعم» (٪)", "Share of yes (%)"), RequestsReport.Share(report.ResolvedYes, report.ResolvedYes + report.ResolvedNo));

        foreach (var group in report.ByChannel) foreach (var line in Of(Group(Say("حسب القناة", "By channel"), ConsoleText.Channel(Enum.Parse<Channel>(group.Key))), group.Figures, null)) yield return line;
        foreach (var group in report.BySubject) foreach (var line in Of(Group(Say("حسب موضوع التقييم", "By what was rated"), Subject(Enum.Parse<PollSubject>(group.Key))), group.Figures, null)) yield return line;
        foreach (var group in report.ByService) foreach (var line in Of(Group(Say("حسب الخدمة", "By service"), console.ServiceName(group.Key)), group.Figures, null)) yield return line;
        foreach (var group in report.ByOutcome) foreach (var line in Of(Group(Say("حسب النتيجة", "By outcome"), Outcome(group.Key)), group.Figures, null)) yield return line;
        foreach (var group in report.ByStaff) foreach (var line in Of(Group(Say("حسب الموظف", "By staff member"), group.Name is null ? group.Key : $"{group.Name} ({group.Key})"), group.Figures, minimumAnswersPerStaff)) yield return line;
        foreach (var group in report.ByMonth) foreach (var line in Of(Group(Say("حسب الشهر", "By month"), group.Key), group.Figures, null)) yield return line;

        foreach (var comment in report.Comments)
            yield return new(Say("التعليقات", "Comments"), $"{SaudiTime.Describe(comment.At)} · {Subject(comment.Subject)} {comment.Reference} · {comment.Text}", comment.Score);
    }

    /// <param name="minimumAnswers">For a staff member: below this many answers, the score figures are left out as too few to judge.</param>
    private static IEnumerable<ReportLine> Of(string section, Satisfaction figures, int? minimumAnswers)
    {
        yield return new(section, Say("الاستطلاعات المرسلة", "Polls sent"), figures.Sent);
        yield return new(section, Say("الإجابات", "Answers"), figures.Answered);
        yield return new(section, Say("نسبة الاستجابة (٪)", "Response rate (%)"), figures.ResponseRate);
        if (figures.TooFew)
        {
            var tooFew = Say($"أقل من {minimumAnswers} إجابات: عدد لا يكفي للحكم", $"Fewer than {minimumAnswers} answers: too few to judge");
            yield return new(section, $"{Say("الرضا: نسبة ٤ و٥ (٪)", "Satisfied: share of 4 and 5 (%)")} — {tooFew}", null);
            yield return new(section, $"{Say("متوسط الدرجة من ٥", "Average score out of 5")} — {tooFew}", null);
            yield break;
        }
        yield return new(section, Say("الرضا: نسبة ٤ و٥ (٪)", "Satisfied: share of 4 and 5 (%)"), figures.Csat);
        yield return new(section, Say("متوسط الدرجة من ٥", "Average score out of 5"), figures.Average);
    }

    private static string Group(string section, string key) => $"{section}: {key}";

    public static string Subject(PollSubject subject) => subject switch
    {
        PollSubject.Request => Say("طلب", "Request"),
        PollSubject.Case => Say("حالة مع موظف", "Staff case"),
        _ => Say("جواب الدليل", "Guide answer"),
    };

    private static string Outcome(string outcome) => outcome switch
    {
        nameof(Core.Requests.RequestStatus.Completed) => Say("مكتمل (قُبل ونُفّذ)", "Completed (approved and carried out)"),
        nameof(Core.Requests.RequestStatus.Rejected) => Say("مرفوض", "Rejected"),
        nameof(Core.Handoff.StaffActionKind.Closed) => Say("حالة أغلقها موظف", "Case closed by staff"),
        nameof(Core.Handoff.StaffActionKind.Released) => Say("حالة أعادها موظف إلى الخدمة الآلية", "Case handed back to the bot"),
        _ => outcome,
    };

    private static string ScoreWord(int score) => score switch
    {
        5 => Say("ممتاز", "Excellent"),
        4 => Say("جيد", "Good"),
        3 => Say("مقبول", "Fair"),
        2 => Say("سيئ", "Poor"),
        _ => Say("سيئ جداً", "Very poor"),
    };

    private static string NotSentReason(PollNotSentReason reason) => reason switch
    {
        PollNotSentReason.OptedOut => Say("طلب الشخص عدم التقييم", "The person opted out of polls"),
        PollNotSentReason.TooSoon => Say("أُرسل له استطلاع قبل أقل من المدة الدنيا", "A poll was sent to them less than the minimum gap ago"),
        PollNotSentReason.Busy => Say("كان في منتصف محادثة", "They were in the middle of a conversation"),
        PollNotSentReason.Stopped => Say("طلب إيقاف الرسائل أو حظر الخدمة على قناته", "They sent STOP or blocked the service on their channel"),
        _ => Say("انقضت نافذة واتساب (٢٤ ساعة) ولا قالب ولا رسائل نصية", "WhatsApp's 24-hour window had closed, with no template or SMS"),
    };
}
