import { Counter, Histogram, Registry } from 'prom-client';
import { ExpositionError, parsePrometheusText, sampleValue } from './prometheus-text';

describe('the strict Prometheus text reader', () => {
  it('reads what prom-client writes: families, labels with escapes, histograms', async () => {
    const registry = new Registry();
    const counter = new Counter({
      name: 'things_total',
      help: 'Things\ncounted',
      labelNames: ['route'],
      registers: [registry],
    });
    counter.inc({ route: '/a/"quoted"\\path' }, 3);
    new Histogram({
      name: 'took_seconds',
      help: 'Time',
      buckets: [1],
      registers: [registry],
    }).observe(2);
    const families = parsePrometheusText(await registry.metrics());
    expect(families.get('things_total')).toMatchObject({
      type: 'counter',
      help: 'Things\ncounted',
    });
    expect(sampleValue(families, 'things_total', { route: '/a/"quoted"\\path' })).toBe(3);
    expect(sampleValue(families, 'took_seconds_bucket', { le: '+Inf' })).toBe(1);
    expect(sampleValue(families, 'took_seconds_bucket', { le: '1' })).toBe(0);
    expect(sampleValue(families, 'took_seconds_sum')).toBe(2);
  });

  it('reads NaN and Inf in any case, as Prometheus does (prom-client writes "Nan")', () => {
    const families = parsePrometheusText(
      '# TYPE g gauge\ng{a="1"} Nan\ng{a="2"} +Inf\ng{a="3"} -inf\n',
    );
    expect(sampleValue(families, 'g', { a: '1' })).toBeNaN();
    expect(sampleValue(families, 'g', { a: '2' })).toBe(Infinity);
    expect(sampleValue(families, 'g', { a: '3' })).toBe(-Infinity);
  });

  it.each([
    ['a sample without TYPE', 'x 1\n'],
    ['a bad metric name', '# TYPE 1x counter\n1x 1\n'],
    ['an unknown type', '# TYPE x countr\n'],
    ['an unterminated label value', '# TYPE x gauge\nx{a="b} 1\n'],
    ['a bad escape', '# TYPE x gauge\nx{a="\\t"} 1\n'],
    ['a bad value', '# TYPE x gauge\nx one\n'],
    ['a duplicate series', '# TYPE x gauge\nx{a="1"} 1\nx{a="1"} 2\n'],
    ['a TYPE after samples', '# TYPE x gauge\nx 1\n# TYPE x gauge\n'],
    ['a histogram sample outside its suffixes', '# TYPE h histogram\nh 1\n'],
  ])('refuses %s', (_what, text) => {
    expect(() => parsePrometheusText(text)).toThrow(ExpositionError);
  });
});
