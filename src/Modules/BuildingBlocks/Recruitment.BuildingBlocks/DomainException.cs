namespace Recruitment.BuildingBlocks;

/// <summary>
/// A refused request: a business rule or a precondition said no. The host turns it into an
/// RFC 9457 problem details response carrying <see cref="Code"/> as a stable machine-readable key,
/// so clients branch on the code and never on the English text.
/// </summary>
public sealed class DomainException : Exception
{
    public DomainException(string code, string detail, int status = StatusCodes.Status422UnprocessableEntity,
        IReadOnlyDictionary<string, object?>? extensions = null)
        : base(detail)
    {
        Code = code;
        Status = status;
        Extensions = extensions ?? new Dictionary<string, object?>();
    }

    public string Code { get; }
    public int Status { get; }
    public IReadOnlyDictionary<string, object?> Extensions { get; }

    public static DomainException NotFound(string code, string detail) => new(code, detail, StatusCodes.Status404NotFound);
    public static DomainException Conflict(string code, string detail) => new(code, detail, StatusCodes.Status409Conflict);
    public static DomainException Forbidden(string code, string detail) => new(code, detail, StatusCodes.Status403Forbidden);
    public static DomainException Invalid(string code, string detail) => new(code, detail, StatusCodes.Status400BadRequest);
}
