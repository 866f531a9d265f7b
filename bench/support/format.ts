/** Number formatting shared by every section, so the tables read alike. */

export function rate(perSecond: number): string {
  return `${Math.round(perSecond).toLocaleString('en-US')}/s`;
}

export function micros(us: number): string {
  if (us >= 10_000) return `${(us / 1000).toFixed(1)} ms`;
  if (us >= 100) return `${Math.round(us).toLocaleString('en-US')} µs`;
  return `${us.toFixed(1)} µs`;
}

export function millis(ms: number): string {
  return ms >= 100 ? `${Math.round(ms).toLocaleString('en-US')} ms` : `${ms.toFixed(2)} ms`;
}

export function times(ratio: number): string {
  return ratio >= 10 ? `${Math.round(ratio).toLocaleString('en-US')}×` : `${ratio.toFixed(2)}×`;
}

export function percent(fraction: number): string {
  return `${Math.round(fraction * 100)}%`;
}
