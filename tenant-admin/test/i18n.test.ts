import { describe, expect, it } from 'vitest';
import en from '../src/locales/en.json';
import zh from '../src/locales/zh-CN.json';

function flatten(o: Record<string, unknown>, prefix = ''): Record<string, string> {
  return Object.entries(o).reduce<Record<string, string>>((acc, [k, v]) => {
    if (typeof v === 'string') acc[prefix + k] = v;
    else Object.assign(acc, flatten(v as Record<string, unknown>, prefix + k + '.'));
    return acc;
  }, {});
}
const vars = (s: string) => [...s.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();

describe('translations', () => {
  const e = flatten(en);
  const z = flatten(zh);
  it('Simplified Chinese has every English string and no other', () => {
    expect(Object.keys(z).sort()).toEqual(Object.keys(e).sort());
  });
  it('each translation takes the same placeholders (nothing concatenated around them)', () => {
    for (const key of Object.keys(e)) expect({ key, vars: vars(z[key]) }).toEqual({ key, vars: vars(e[key]) });
  });
  it('no Chinese string is left in English', () => {
    const untranslated = Object.keys(e).filter((k) => z[k] === e[k] && /[a-z]{4,}/.test(e[k].replace(/{{\w+}}/g, '')));
    expect(untranslated).toEqual([]);
  });
});
