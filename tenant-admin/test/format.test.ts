import { describe, expect, it } from 'vitest';
import { formatMoney, minorDigits } from '../src/format';
import { fieldPath } from '../src/api';

describe('money in minor units', () => {
  it('knows each currency’s minor digits', () => {
    expect(minorDigits('EUR')).toBe(2);
    expect(minorDigits('JPY')).toBe(0);
    expect(minorDigits('BHD')).toBe(3);
  });
  it('formats per locale without floating point', () => {
    expect(formatMoney(1800, 'EUR', 'en')).toBe('€18.00');
    expect(formatMoney(1234, 'JPY', 'en')).toBe('¥1,234');
    expect(formatMoney(1800, 'EUR', 'zh-CN')).toBe('€18.00');
    expect(formatMoney(-5, 'USD', 'en')).toBe('-$0.05');
    // 2^53 + 1 minor units: a double would round it
    expect(formatMoney(9007199254740993n, 'USD', 'en')).toBe('$90,071,992,547,409.93');
  });
});

describe('field paths of problem documents', () => {
  it('reads slash, dot and pointer forms', () => {
    expect(fieldPath('configuration/apiKey')).toEqual(['apiKey']);
    expect(fieldPath('configuration.apiKey')).toEqual(['apiKey']);
    expect(fieldPath('/apiKey')).toEqual(['apiKey']);
  });
});
