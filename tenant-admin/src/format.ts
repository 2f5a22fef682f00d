// Every figure through Intl for the current language: money in minor units, never floating point.

export function minorDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

export function formatMoney(minor: number | bigint, currency: string, locale: string): string {
  const digits = minorDigits(currency);
  // Exact decimal string from the integer: no division in floating point for large amounts.
  const integer = typeof minor === 'bigint' ? minor : BigInt(Math.trunc(minor));
  const negative = integer < 0n;
  const abs = (negative ? -integer : integer).toString().padStart(digits + 1, '0');
  const whole = abs.slice(0, abs.length - digits) || '0';
  const frac = digits > 0 ? abs.slice(abs.length - digits) : '';
  const text = (negative ? '-' : '') + whole + (frac ? '.' + frac : '');
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(text as unknown as number);
}

export function formatNumber(n: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(n);
}

export function formatDate(iso: string | undefined | null, locale: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  // an instant this browser cannot read is shown as sent, never a crash
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

export function formatCountry(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}
