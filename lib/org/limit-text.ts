import { currencyDecimals, formatMoney } from '@/engine/authority';

/**
 * A limit in minor units as a person types it: "5000.00" for 500000 cents,
 * "unlimited" for null. Used to prefill the form and in CSV exports, so what
 * an admin reads can be submitted back unchanged.
 */
export function limitToText(minor: number | null, currency: string): string {
  if (minor === null) return 'unlimited';
  const decimals = currencyDecimals(currency);
  const scale = decimals.ok ? decimals.value : 0;
  const digits = Math.abs(minor)
    .toString()
    .padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = scale > 0 ? `.${digits.slice(digits.length - scale)}` : '';
  return `${minor < 0 ? '-' : ''}${whole}${fraction}`;
}

/** A limit as the audit log and the pages show it: "5,000.00 USD" or "unlimited". */
export function limitForAudit(minor: number | null, currency: string): string {
  return formatMoney(minor, currency);
}
