import { GraphQLScalarType } from 'graphql';
import { DateTimeResolver, LocalDateResolver } from 'graphql-scalars';

/** RFC 3339 with a mandatory offset in, UTC ISO-8601 out; resolvers receive a Date. */
export const DateTimeScalar = DateTimeResolver;

/** Calendar date `YYYY-MM-DD`, validated (no 30 February); resolvers receive the string. */
export const DateScalar = new GraphQLScalarType({
  ...LocalDateResolver.toConfig(),
  name: 'Date',
  description: 'ISO-8601 calendar date, e.g. 2026-11-21',
});
