using System.Globalization;
using Tamkeen.Core.Conversations;
using Tamkeen.Core.Handoff;
using Tamkeen.Core.Requests;
using Tamkeen.Host.Handoff;
using Tamkeen.Host.Requests;
using Tamkeen.Host.Staff;
using Tamkeen.Host.Staff.Pages.Cases;
using static Tamkeen.Host.Staff.ConsoleLanguage;

namespace Tamkeen.Host.Reports;

/// <summary>One figure of a report, in the console's language: the page's rows and the CSV's. A figure with no data has no value.</summary>
public sealed record ReportLine(string Section, string Item, double? Value)
{
    public string Text => Value?.ToString(CultureInfo.InvariantCulture) ?? "";

    public static IEnumerable<ReportLine> Of(RequestsReport report, RequestConsole console)
    {
        var totals = Say("الإجمالي", "Totals");
        yield return new(totals, Say("الطلبات المقدّمة", "Requests submitted"), report.Submitted);
        foreach (var (status, count) in report.ByStatus)
            yield return new(Say("حسب الحالة", "By status"), console.StatusText(Enum.Parse<RequestStatus>(status)), count);
        foreach (var (service, count) in report.ByService)
            yield return new(Say("حسب الخدمة", "By service"), console.ServiceName(service), count);
        var promise = Say("وعد الرد خلال أسبوع", "The one-week promise");
        yield return new(promise, Say("طلبات انتهى أسبوعها أو بُتّ فيها", "Requests decided or past their due time"), report.Settled);
        yield return new(promise, Say("بُتّ فيها (قبول أو رفض) في موعدها", "Decided (approved or rejected) by their due time"), report.DecidedWithinPromise);
        yield return new(promise, Say("نسبة ما بُتّ فيه في موعده (٪)", "Share decided by their due time (%)"), report.WithinPromiseShare);
        yield return new(promise, Say("متأخرة الآن بلا قرار", "Overdue now, undecided"), report.OverdueNow);
        foreach (var line in Of(Say("مدة البت من التقديم", "Time to decision, from submission"), report.TimeToDecision)) yield return line;
    }

    public static IEnumerable<ReportLine> Of(CasesReport report)
    {
        var totals = Say("الإجمالي", "Totals");
        yield return new(totals, Say("الحالات المفتوحة", "Cases opened"), report.Opened);
        yield return new(totals, Say("منها عاجلة", "Of them urgent"), report.Urgent);
        foreach (var (reason, count) in report.ByReason)
            yield return new(Say("حسب السبب", "By reason"), CaseText.Reason(Enum.Parse<CaseReason>(reason)), count);
        foreach (var (status, count) in report.ByStatus)
            yield return new(Say("حسب الحالة", "By status"), CaseText.Status(Enum.Parse<CaseStatus>(status)), count);
        foreach (var line in Of(Say("كل الحالات", "All cases"), report.All)) yield return line;
        foreach (var line in Of(Say("فُتحت في ساعات العمل", "Opened in working hours"), report.InWorkingHours)) yield return line;
        foreach (var line in Of(Say("فُتحت خارج ساعات العمل", "Opened outside working hours"), report.OutsideWorkingHours)) yield return line;
    }

    public static IEnumerable<ReportLine> Of(GuideReport report)
    {
        var totals = Say("الإجمالي", "Totals");
        yield return new(totals, Say("الأسئلة الموجّهة إلى الدليل", "Questions put to the guide"), report.Asked);
        yield return new(totals, Say("أجاب عنها الدليل دون موظف", "Answered by the guide without a person"), report.AnsweredWithoutPerson);
        yield return new(totals, Say("نسبة ما أجاب عنه الدليل دون موظف (٪)", "Share answered without a person (%)"), report.AnsweredWithoutPersonShare);
        yield return new(totals, Say("أسئلة لم يجد الدليل جوابها", "Questions the guide could not answer"), report.Unanswered);
        foreach (var (reason, count) in report.ByReason)
            yield return new(Say("حسب السبب", "By reason"), Reason(Enum.Parse<UnansweredReason>(reason)), count);
        var people = Say("الأشخاص", "People");
        yield return new(people, Say("أشخاص لم يجدوا جواباً", "People the guide could not answer"), report.PeopleUnanswered);
        yield return new(people, Say("منهم حُوّلوا إلى موظف لأن الدليل لم يجب مرتين", "Of them handed to staff after two failures"), report.PeopleHandedToStaff);
        yield return new(people, Say("نسبة من بقوا دون تحويل إلى موظف (٪)", "Share not handed to staff (%)"), report.LeftWithoutPersonShare);
        foreach (var question in report.TopUnanswered)
            yield return new(Say("الأسئلة الأكثر تكراراً", "Most asked unanswered questions"), ContactMask.Numbers(question.Question), question.Count);
    }

    public static IEnumerable<ReportLine> Of(WeeklyTrend trend)
    {
        for (var i = 0; i < trend.Weeks.Count; i++)
        {
            var week = $"{Say("أسبوع يبدأ", "Week from")} {trend.Weeks[i]}";
            yield return new(week, Say("طلبات مقدّمة", "Requests submitted"), trend.Submitted[i]);
            yield return new(week, Say("طلبات بُتّ فيها", "Requests decided"), trend.Decided[i]);
            yield return new(week, Say("حالات مفتوحة", "Cases opened"), trend.CasesOpened[i]);
        }
    }

    private static IEnumerable<ReportLine> Of(string section, CaseTimes times)
    {
        yield return new(section, Say("عدد الحالات", "Cases"), times.Opened);
        foreach (var line in Of($"{section} — {Say("حتى أول رد من موظف", "to the first staff reply")}", times.ToFirstReply)) yield return line;
        foreach (var line in Of($"{section} — {Say("حتى الإغلاق", "to closing")}", times.ToClose)) yield return line;
    }

    private static IEnumerable<ReportLine> Of(string section, Durations durations)
    {
        yield return new(section, Say("العدد", "Count"), durations.Count);
        yield return new(section, Say("الوسيط (ساعات)", "Median (hours)"), durations.MedianHours);
        yield return new(section, Say("المئين التسعون (ساعات)", "90th percentile (hours)"), durations.P90Hours);
    }

    private static string Reason(UnansweredReason reason) => reason switch
    {
        UnansweredReason.NoMatch => Say("لم يُعثر على جواب", "No answer found"),
        UnansweredReason.NotHelpful => Say("قال إن الجواب لم يُفِد", "Said the answer did not help"),
        _ => Say("لم يكن سؤاله بين المقترحات", "None of the suggestions was theirs"),
    };
}
