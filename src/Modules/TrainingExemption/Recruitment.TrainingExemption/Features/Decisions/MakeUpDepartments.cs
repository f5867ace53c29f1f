using Recruitment.Rotation.Contracts;

namespace Recruitment.TrainingExemption.Features.Decisions;

/// <summary>
/// Make-up items name rotation departments (EXM-10, ROT-04). The catalogue is Rotation's reference data, so
/// TrainingExemption asks Rotation's published contract (<see cref="CheckDepartments"/>) instead of keeping a list of
/// its own: a department Rotation does not know could never be planned.
/// </summary>
internal static class MakeUpDepartments
{
    public static async Task<Func<string, bool>> CatalogueAsync(IMessageBus bus, IReadOnlyList<MakeUpItem>? items, CancellationToken ct)
    {
        var codes = ExemptionRules.Departments(items);
        if (codes.Count == 0) return _ => true; // nothing to ask; the shape rules refuse what is missing
        var check = await bus.InvokeAsync<DepartmentCheck>(new CheckDepartments(codes), ct);
        var unknown = check.Unknown.ToHashSet(StringComparer.Ordinal);
        return code => !unknown.Contains(code);
    }
}
