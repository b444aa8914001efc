import { describe, expect, it } from 'vitest';
import { idCardCheckChar, isIdCard } from '../domain/isIdCard.js';
import { isMobile } from '../domain/isMobile.js';
import { isRegionCode } from '../domain/regionCode.js';
import { isUscc, usccCheckChar } from '../domain/isUscc.js';
import { formats } from './formats.js';
import { standaloneFormats } from './standaloneFormats.js';

const body = '11010519491231002';
const validId = body + idCardCheckChar(body);
const usccBody = '91350100M000100Y4';
const validUscc = usccBody + usccCheckChar(usccBody);

describe('formats', () => {
  it('defines the four cn-* formats as string formats', () => {
    expect(Object.keys(formats).sort()).toEqual(['cn-id-card', 'cn-mobile', 'cn-region-code', 'cn-uscc']);
    for (const definition of Object.values(formats)) expect(definition.type).toBe('string');
  });

  it('delegates to the domain checkers', () => {
    const samples = [
      validId,
      validId.slice(0, 17) + '0',
      validUscc,
      '91350100M0001TGQXM',
      '13800138000',
      '12800138000',
      '110108',
      '990108',
      '',
    ];
    for (const sample of samples) {
      expect(formats['cn-id-card'].validate(sample)).toBe(isIdCard(sample));
      expect(formats['cn-uscc'].validate(sample)).toBe(isUscc(sample));
      expect(formats['cn-mobile'].validate(sample)).toBe(isMobile(sample));
      expect(formats['cn-region-code'].validate(sample)).toBe(isRegionCode(sample));
    }
  });

  it('is strict: the lenient USCC mode and legacy 15-digit IDs are not accepted', () => {
    expect(isUscc('91350100M0001TGQXM', { lenient: true })).toBe(true);
    expect(formats['cn-uscc'].validate('91350100M0001TGQXM')).toBe(false);
    expect(formats['cn-id-card'].validate('110105491231002')).toBe(false);
  });
});

describe('standaloneFormats', () => {
  it('holds ajv-formats and the cn-* formats', () => {
    for (const name of [
      'date',
      'date-time',
      'email',
      'uri',
      'cn-id-card',
      'cn-uscc',
      'cn-mobile',
      'cn-region-code',
    ]) {
      expect(standaloneFormats[name], name).toBeDefined();
    }
    expect(standaloneFormats['cn-id-card']).toBe(formats['cn-id-card']);
  });
});
