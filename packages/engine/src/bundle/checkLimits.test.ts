import { describe, expect, it } from 'vitest';
import type { Bundle, ServiceItem } from './types.js';
import { checkLimits } from './checkLimits.js';

const zh = (text: string) => ({ 'zh-CN': text });

function item(id: string, promisedLimitDays: number, materials: string[]): ServiceItem {
  return {
    id,
    name: zh(id),
    department: 'd',
    itemType: 'confirmation',
    promisedLimitDays,
    materials,
    form: { schema: {}, map: {} },
  };
}

function bundle(items: ServiceItem[], supplyWithinDays: number | undefined): Bundle {
  return {
    id: 't',
    version: '1.0.0',
    title: zh('测试'),
    leadDepartment: 'd',
    promisedDays: 10,
    departments: { d: { name: zh('部门') } },
    fields: {},
    items,
    materials: {
      m_cert: {
        name: zh('权属证书'),
        acceptMissing: supplyWithinDays === undefined ? {} : { supplyWithinDays },
      },
    },
  };
}

describe('checkLimits: 容缺 supply deadlines', () => {
  it('warns for each item whose promised limit is shorter than the supply deadline', () => {
    const diagnostics = checkLimits(
      bundle([item('filing', 0, ['m_cert']), item('register', 2, ['m_cert'])], 2),
    );
    expect(diagnostics).toEqual([
      expect.objectContaining({
        code: 'LIMIT_SUPPLY_EXCEEDS_PROMISED',
        severity: 'warning',
        path: '/materials/m_cert/acceptMissing/supplyWithinDays',
        params: { material: 'm_cert', supply: 2, item: 'filing', promised: 0 },
      }),
    ]);
  });

  it('accepts a deadline within every promised limit, and no deadline at all', () => {
    expect(checkLimits(bundle([item('register', 2, ['m_cert'])], 2))).toEqual([]);
    expect(checkLimits(bundle([item('filing', 0, ['m_cert'])], undefined))).toEqual([]);
  });
});
