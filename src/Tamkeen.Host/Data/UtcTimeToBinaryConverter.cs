using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Tamkeen.Host.Data;

/// <summary>
/// Times as EF Core's binary form, taken in UTC first. The binary form encodes the clock time with its offset, so two
/// moments compare (and sort) correctly only in one offset: a bound at +03:00 against the stored UTC times would be
/// read three hours off. Converting here, where every stored time and query parameter passes, keeps that rule in one place.
/// </summary>
public sealed class UtcTimeToBinaryConverter : ValueConverter<DateTimeOffset, long>
{
    private static readonly ValueConverter Composed =
        new ValueConverter<DateTimeOffset, DateTimeOffset>(v => v.ToUniversalTime(), v => v).ComposeWith(new DateTimeOffsetToBinaryConverter());

    private static readonly UtcTimeToBinaryConverter Instance = new();

    /// <summary>The time as it reads back from the database: in UTC, to the 0.1 ms that the binary form keeps.</summary>
    public static DateTimeOffset AsStored(DateTimeOffset time) => Instance.ConvertFromProviderTyped(Instance.ConvertToProviderTyped(time));

    public UtcTimeToBinaryConverter()
        : base((Expression<Func<DateTimeOffset, long>>)Composed.ConvertToProviderExpression,
            (Expression<Func<long, DateTimeOffset>>)Composed.ConvertFromProviderExpression)
    {
    }
}
