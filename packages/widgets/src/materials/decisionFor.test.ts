import { describe, expect, it } from 'vitest';
import { decisionFor } from './decisionFor.js';
import { describeDecision } from './describeDecision.js';
import { lookupLicence } from './lookupLicence.js';

const now = () => '2025-03-17T09:00:00+08:00';

describe('decisionFor', () => {
  it('describes uploaded files by name, size and type only', () => {
    const file = { name: 'a.pdf', size: 10, type: 'application/pdf', contents: 'secret' };
    expect(decisionFor({ kind: 'provided', files: [file, { name: 'b', size: 1 }] }, now)).toEqual({
      decision: {
        kind: 'provided',
        files: [
          { name: 'a.pdf', size: 10, type: 'application/pdf' },
          { name: 'b', size: 1 },
        ],
      },
    });
  });

  it('turns a wrong file or no file into a problem, not a decision', () => {
    const gif = { name: 'a.gif', size: 10, type: 'image/gif' };
    expect(decisionFor({ kind: 'provided', files: [gif], accept: ['application/pdf'] }, now)).toEqual({
      problem: { key: 'fileType', params: { name: 'a.gif', types: 'application/pdf' } },
    });
    expect(decisionFor({ kind: 'provided', files: [gif], maxSizeMB: 0.000001 }, now)).toMatchObject({
      problem: { key: 'fileSize' },
    });
    expect(decisionFor({ kind: 'provided', files: [] }, now)).toEqual({ problem: { key: 'fileNone' } });
  });

  it('records an electronic licence with or without its number', () => {
    expect(decisionFor({ kind: 'eLicence' }, now)).toEqual({ decision: { kind: 'eLicence' } });
    expect(decisionFor({ kind: 'eLicence', licenceNo: 'L1' }, now)).toEqual({
      decision: { kind: 'eLicence', licenceNo: 'L1' },
    });
  });

  it.each(['deferred', 'committed'] as const)(
    'signs a %s decision with the trimmed name and now()',
    (kind) => {
      expect(decisionFor({ kind, agreed: true, signer: '  陈雅婷 ' }, now)).toEqual({
        decision: { kind, signer: '陈雅婷', signedAt: '2025-03-17T09:00:00+08:00' },
      });
      expect(decisionFor({ kind, agreed: false, signer: '陈雅婷' }, now)).toEqual({
        problem: { key: 'signNotAgreed' },
      });
      expect(decisionFor({ kind, agreed: true, signer: '   ' }, now)).toEqual({
        problem: { key: 'signerMissing' },
      });
    },
  );
});

describe('lookupLicence', () => {
  it('needs only the confirmation without a provider', async () => {
    expect(await lookupLicence(undefined, 'm')).toEqual({ kind: 'eLicence' });
  });

  it('takes the number the provider finds, and reports none found or a failure as problems', async () => {
    const asked: string[] = [];
    const found = await lookupLicence(async (id) => (asked.push(id), { licenceNo: 'L-1' }), 'm_parentIds');
    expect(found).toEqual({ kind: 'eLicence', licenceNo: 'L-1' });
    expect(asked).toEqual(['m_parentIds']);
    expect(await lookupLicence(async () => undefined, 'm')).toEqual({ problem: { key: 'eLicenceNotFound' } });
    expect(await lookupLicence(() => Promise.reject(new Error('down')), 'm')).toEqual({
      problem: { key: 'eLicenceFailed' },
    });
  });
});

describe('describeDecision', () => {
  it('tells files, licence numbers and signatures, and falls back to the way without details', () => {
    const files = [
      { name: 'a.pdf', size: 1 },
      { name: 'b.png', size: 1 },
    ];
    expect(describeDecision('provided', { kind: 'provided', files }, 'zh-CN')).toBe('已上传：a.pdf、b.png');
    expect(describeDecision('provided', { kind: 'provided' }, 'en')).toBe('Provided');
    expect(describeDecision('eLicence', { kind: 'eLicence', licenceNo: 'L1' }, 'en')).toBe(
      'Electronic licence (no. L1)',
    );
    const signed = { signer: '陈雅婷', signedAt: now() };
    expect(describeDecision('deferred', { kind: 'deferred', ...signed }, 'zh-CN')).toBe(
      '容缺后补：陈雅婷 于 2025-03-17T09:00:00+08:00 签署容缺承诺',
    );
    expect(describeDecision('committed', { kind: 'committed', ...signed }, 'en')).toContain('陈雅婷');
    expect(describeDecision('committed', undefined, 'zh-CN')).toBe('签署告知承诺');
  });
});
