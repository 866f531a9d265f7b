/**
 * Exact decimal numbers as a bigint of digits and a scale (value = digits /
 * 10^scale). Money never passes through binary floating point arithmetic.
 */
export interface Decimal {
  negative: boolean;
  digits: bigint;
  /** Number of digits after the decimal point, trailing zeros removed. */
  scale: number;
}

const DECIMAL = /^([+-])?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d{1,4}))?$/;

/**
 * Parses "1234.5", "-0.10", "1e3" or a JavaScript number. A number is read
 * through its shortest round-trip text, so 19.99 is exactly 19.99 while a
 * computed 0.1 + 0.2 keeps its visible noise (0.30000000000000004).
 */
export function parseDecimal(input: string | number): Decimal | null {
  if (typeof input === 'number' && !Number.isFinite(input)) return null;
  const text = typeof input === 'number' ? String(input) : input.trim();
  const match = DECIMAL.exec(text);
  if (!match) return null;
  const [, sign, whole = '', fraction = '', exponentText] = match;
  if (whole === '' && fraction === '') return null;
  let digits = BigInt(whole + fraction || '0');
  let scale = fraction.length - Number(exponentText ?? '0');
  if (scale < 0) {
    digits *= 10n ** BigInt(-scale);
    scale = 0;
  }
  while (scale > 0 && digits % 10n === 0n) {
    digits /= 10n;
    scale -= 1;
  }
  return { negative: sign === '-' && digits !== 0n, digits, scale };
}

export function decimalToString(value: Decimal): string {
  const text = value.digits.toString().padStart(value.scale + 1, '0');
  const whole = text.slice(0, text.length - value.scale);
  const fraction = text.slice(text.length - value.scale);
  return `${value.negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** numerator / denominator rounded half-up; both positive. */
export function divideHalfUp(numerator: bigint, denominator: bigint): bigint {
  const quotient = numerator / denominator;
  const remainder = numerator % denominator;
  return remainder * 2n >= denominator ? quotient + 1n : quotient;
}
