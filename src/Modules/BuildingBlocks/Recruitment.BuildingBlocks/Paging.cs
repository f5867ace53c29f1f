namespace Recruitment.BuildingBlocks;

/// <summary>One page of a list, the shape every list route returns (API.md): <c>{ items, page, pageSize, total }</c>.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, long Total);

/// <summary>The <c>page</c> and <c>pageSize</c> query parameters, validated: 1-based pages, at most 100 rows.</summary>
public readonly record struct Paging(int Page, int PageSize)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;
    /// <summary>Past this page the row offset would overflow; no list is that long.</summary>
    public const int MaxPage = int.MaxValue / MaxPageSize;

    public int Skip => (Page - 1) * PageSize;

    public static Paging From(int? page, int? pageSize)
    {
        var p = page ?? 1;
        var size = pageSize ?? DefaultPageSize;
        if (p < 1 || p > MaxPage || size < 1 || size > MaxPageSize)
            throw DomainException.Invalid("request.invalid_paging", $"page must be between 1 and {MaxPage} and pageSize between 1 and {MaxPageSize}.");
        return new Paging(p, size);
    }

    public PagedList<T> Of<T>(IReadOnlyList<T> items, long total) => new(items, Page, PageSize, total);
}
