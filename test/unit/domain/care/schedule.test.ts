// When a care job, or a step of one, may start: fresh executions take what fits them, later ones end by 4 minutes.
import { fitsAnExecution, leftOf, mayStart, mayStep } from '../../../../src/domain/care/schedule';

const S = 1000;
const T0 = Date.parse('2026-11-23T01:00:00Z');

describe('mayStart', () => {
  test('a fresh execution starts any job that fits one, even a long one', () => {
    expect(mayStart(T0, T0 + 30 * S, 260 * S)).toBe(true);
    expect(mayStart(T0, T0 + 30 * S)).toBe(true);
  });

  test('a job known to take more than a fresh execution has is never started', () => {
    expect(fitsAnExecution(280 * S)).toBe(false);
    expect(mayStart(T0, T0, 280 * S)).toBe(false);
    expect(fitsAnExecution(270 * S)).toBe(true);
  });

  test('later in an execution, a job starts only when it ends by 4 minutes with a fifth to spare', () => {
    // 100 s in, a 110 s job: 100 + 132 = 232 s.
    expect(mayStart(T0, T0 + 100 * S, 110 * S)).toBe(true);
    // 100 s in, a 120 s job: 100 + 144 = 244 s.
    expect(mayStart(T0, T0 + 100 * S, 120 * S)).toBe(false);
  });

  test('what is left of an execution is what a job stopped with it had taken at least', () => {
    expect(leftOf(T0, T0 + 40 * S)).toBe(320 * S);
    expect(leftOf(T0, T0 + 400 * S)).toBe(0);
  });
});

describe('mayStep', () => {
  test('a step that once ran long is still started in a fresh execution, never later', () => {
    expect(mayStep(T0, T0 + 10 * S, 300 * S)).toBe(true);
    expect(mayStep(T0, T0 + 90 * S, 300 * S)).toBe(false);
  });
});
