using Tamkeen.Core.Conversations;
using Tamkeen.Core.Requests;

namespace Tamkeen.Core.Tests;

/// <summary>The request flow finds its wording by name (RequestAsk{field}, RequestLabel{field}, Status{status}, the problem).</summary>
public class RequestTextsTests
{
    [Fact]
    public void Every_field_status_and_problem_has_its_wording()
    {
        var names = Enum.GetValues<RequestField>().SelectMany(f => new[] { $"RequestAsk{f}", $"RequestLabel{f}" })
            .Concat(Enum.GetValues<RequestStatus>().Select(s => $"Status{s}"))
            .Concat(Enum.GetNames<FieldProblem>());
        Assert.DoesNotContain(names, name => !Enum.TryParse<TextKey>(name, out _));
    }
}
