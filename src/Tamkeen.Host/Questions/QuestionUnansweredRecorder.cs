using Tamkeen.Core.Conversations;
using Tamkeen.Core.Text;
using Tamkeen.Host.Data;
using Tamkeen.Host.Messaging.Events;

namespace Tamkeen.Host.Questions;

public sealed class QuestionUnansweredRecorder : EventRecorder<QuestionUnanswered>
{
    protected override Task RecordAsync(TamkeenDb db, RecordContext context, QuestionUnanswered e, CancellationToken cancellationToken)
    {
        db.UnansweredQuestions.Add(new UnansweredQuestion
        {
            BeneficiaryId = context.Input.BeneficiaryId, Question = e.Question, NormalizedQuestion = ArabicText.Normalize(e.Question),
            Language = e.Language, Reason = e.Reason, EntryId = e.EntryId, AskedAt = context.Now,
        });
        return Task.CompletedTask;
    }
}
