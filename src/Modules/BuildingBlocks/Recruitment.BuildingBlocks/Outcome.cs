using System.Diagnostics.CodeAnalysis;

namespace Recruitment.BuildingBlocks;

/// <summary>
/// What a command handler answers: its result, or a <see cref="Refusal"/>. Both convert implicitly, so a handler
/// simply <c>return</c>s either. A refusal must be decided before the handler appends or stores anything: the
/// transaction still commits what the session holds (docs/adr/0001-one-command-path.md).
/// </summary>
public sealed class Outcome<T>
{
    private Outcome(T? value, Refusal? refusal)
    {
        Value = value;
        Refusal = refusal;
    }

    /// <summary>A result of an interface type, which C# never converts implicitly.</summary>
    public Outcome(T value) : this(value, null)
    {
    }

    public T? Value { get; }
    public Refusal? Refusal { get; }

    [MemberNotNullWhen(true, nameof(Refusal))]
    [MemberNotNullWhen(false, nameof(Value))]
    public bool IsRefused => Refusal is not null;

    /// <summary>Unpacks a helper's answer: <c>if (Load(..).Refused(out var no, out var x)) return no;</c>.</summary>
    public bool Refused([NotNullWhen(true)] out Refusal? refusal, [NotNullWhen(false)] out T? value)
    {
        refusal = Refusal;
        value = Value;
        return refusal is not null;
    }

#pragma warning disable CA2225 // the named alternatives would only add noise at every return
    public static implicit operator Outcome<T>(T value) => new(value, null);
    public static implicit operator Outcome<T>(Refusal refusal) => new(default, refusal);
#pragma warning restore CA2225

    /// <summary>200 with the result as JSON, or the refusal as problem details.</summary>
    public IResult ToResult() => Refusal?.ToResult() ?? Results.Ok(Value);

    /// <summary>As <see cref="ToResult()"/>, with another success answer (201 Created, a file).</summary>
    public IResult ToResult(Func<T, IResult> success) => Refusal?.ToResult() ?? success(Value!);
}
