/** Formats an amount kept in minor units (cents) in its currency; null means no limit. */
export function formatMinorUnits(minor: number | null, currency: string, locale = 'en-US'): string {
  if (minor === null) return 'Unlimited';
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  const whole = minor / 10 ** digits;
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: Number.isInteger(whole) ? 0 : digits,
  }).format(whole);
}
