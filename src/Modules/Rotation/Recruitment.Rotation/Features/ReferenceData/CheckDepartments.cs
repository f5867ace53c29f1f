using Recruitment.Rotation.Contracts;

namespace Recruitment.Rotation.Features.ReferenceData;

/// <summary>
/// Answers <see cref="CheckDepartments"/> from the department catalogue, so other modules validate the departments
/// they name (TrainingExemption's make-up items, EXM-10, ROT-04) against the same list plans are checked with.
/// </summary>
[MartenStore(typeof(IRotationStore))]
public static class CheckDepartmentsHandler
{
    public static async Task<DepartmentCheck> Handle(CheckDepartments request, IQuerySession session, CancellationToken ct)
    {
        var codes = request.Codes.Select(c => c.Trim().ToUpperInvariant()).Distinct().ToArray();
        var known = (await session.LoadManyAsync<Department>(ct, codes)).Select(d => d.Id).ToHashSet();
        return new DepartmentCheck(request.Codes.Where(c => !known.Contains(c.Trim().ToUpperInvariant())).ToList());
    }
}
