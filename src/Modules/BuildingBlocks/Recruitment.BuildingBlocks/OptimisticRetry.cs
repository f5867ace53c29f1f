using JasperFx;
using Marten.Exceptions;
using Npgsql;

namespace Recruitment.BuildingBlocks;

/// <summary>
/// Runs a unit of work that reads, decides and writes under optimistic concurrency, again from the
/// start when another writer got there first. Each attempt must open its own session. Used where a
/// shared counter (a quota cell) must never be oversubscribed and losers must still get the real
/// answer ("quota exhausted"), not a generic conflict.
/// </summary>
public static class OptimisticRetry
{
    public static async Task<T> RunAsync<T>(Func<Task<T>> attempt, int maxAttempts = 100)
    {
        for (var i = 1; ; i++)
        {
            try
            {
                return await attempt();
            }
            catch (Exception e) when (i < maxAttempts && IsConflict(e))
            {
                await Task.Delay(Random.Shared.Next(1, 5 + i));
            }
        }
    }

    /// <summary>Another writer came first: a version check, a unique key or a stream id taken in between.</summary>
    public static bool IsConflict(Exception e)
    {
        for (var current = e; current is not null; current = current.InnerException)
        {
            if (current is ConcurrencyException or DocumentAlreadyExistsException or JasperFx.Events.EventStreamUnexpectedMaxEventIdException
                or JasperFx.Events.ExistingStreamIdCollisionException or ExistingStreamIdCollisionException
                or PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
                return true;
            if (current is AggregateException { InnerExceptions.Count: 1 } aggregate) return IsConflict(aggregate.InnerExceptions[0]);
        }
        return false;
    }
}
