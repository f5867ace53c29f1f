namespace Recruitment.BuildingBlocks;

/// <summary>The list envelope of API.md: <c>{ items, page, pageSize, total }</c>.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, long Total);

/// <summary>Validated paging input: page from 1, page size 1..200 (default 20).</summary>
public readonly record struct Paging(int Page, int PageSize)
{
    public const int MaxPageSize = 200;

    public int Skip => (Page - 1) * PageSize;

    public static Paging From(int? page, int? pageSize)
    {
        var p = page ?? 1;
        var s = pageSize ?? 20;
        if (p < 1) throw DomainException.Invalid("paging.invalid_page", "page must be 1 or greater.");
        if (s is < 1 or > MaxPageSize)
            throw DomainException.Invalid("paging.invalid_page_size", $"pageSize must be between 1 and {MaxPageSize}.");
        return new Paging(p, s);
    }
}
