import { Matches } from 'class-validator';

/** PostgreSQL text cannot hold NUL; refuse it at the edge instead of failing in SQL. */
export const NoNul = (): PropertyDecorator =>
  Matches(/^[^\u0000]*$/, { message: 'must not contain null bytes' });

export { MAX_INT32 } from './params';
