namespace Recruitment.Web.Shared;

/// <summary>The current cycle's public reference data, read once per visit (it changes once a year).</summary>
public sealed class CycleData(ApiClient api)
{
    private Task<Loaded?>? _loading;

    public sealed record Loaded(CycleSummary Cycle, List<BaseInfo> Bases, List<SpecialtyInfo> Specialties, QuotaTable Quotas, List<Window> Windows)
    {
        public string BaseName(string code, bool chinese) =>
            Bases.FirstOrDefault(b => b.Code == code) is { } b ? (chinese ? b.NameZh : b.NameEn) : code;

        public string SpecialtyName(string code, bool chinese) =>
            Specialties.FirstOrDefault(s => s.Code == code) is { } s ? (chinese ? s.NameZh : s.NameEn) : code;

        /// <summary>Places of one base and specialty; null when not offered ("/" in the quota table).</summary>
        public int? Places(string baseCode, string specialtyCode) =>
            Quotas.Rows.FirstOrDefault(r => r.Specialty == specialtyCode)?.Places.GetValueOrDefault(baseCode);

        public bool RegistrationOpen(DateTimeOffset now) =>
            now >= Cycle.Calendar.RegistrationOpen && now < Cycle.Calendar.RegistrationCloseExclusive;
    }

    public Task<Loaded?> GetAsync() => _loading ??= LoadAsync();

    private async Task<Loaded?> LoadAsync()
    {
        var cycles = await api.GetAsync<List<CycleSummary>>("/api/enrollment/cycles");
        if (cycles.Value is not { Count: > 0 } list)
        {
            _loading = null;
            return null;
        }
        var year = list[0].Year;
        var bases = api.GetAsync<List<BaseInfo>>($"/api/enrollment/cycles/{year}/bases");
        var specialties = api.GetAsync<List<SpecialtyInfo>>($"/api/enrollment/cycles/{year}/specialties");
        var quotas = api.GetAsync<QuotaTable>($"/api/enrollment/cycles/{year}/quotas");
        var windows = api.GetAsync<List<Window>>($"/api/enrollment/cycles/{year}/schedules");
        await Task.WhenAll(bases, specialties, quotas, windows);
        if (!quotas.Result.Ok || !windows.Result.Ok)
        {
            _loading = null;
            return null;
        }
        return new Loaded(list[0], bases.Result.Value ?? [], specialties.Result.Value ?? [], quotas.Result.Value!, windows.Result.Value!);
    }
}
