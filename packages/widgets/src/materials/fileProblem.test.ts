import { describe, expect, it } from 'vitest';
import { fileProblem } from './fileProblem.js';

const MB = 1024 * 1024;
const pdf = { name: 'id.PDF', size: MB, type: 'application/pdf' };

describe('fileProblem', () => {
  it('accepts a file of a listed MIME type within the size limit', () => {
    expect(fileProblem(pdf, ['image/png', 'application/pdf'], 5)).toBeUndefined();
  });

  it('matches wildcards and extensions, ignoring case', () => {
    expect(fileProblem({ name: 'a.jpg', size: 1, type: 'image/jpeg' }, ['image/*'])).toBeUndefined();
    expect(fileProblem({ name: 'scan.pdf', size: 1, type: '' }, ['.PDF'])).toBeUndefined();
    expect(fileProblem({ name: 'a.jpg', size: 1, type: 'IMAGE/JPEG' }, ['image/jpeg'])).toBeUndefined();
  });

  it('rejects a type that is not listed, naming the accepted ones', () => {
    expect(fileProblem({ name: 'a.gif', size: 1, type: 'image/gif' }, ['image/png', '.pdf'])).toEqual({
      key: 'fileType',
      params: { name: 'a.gif', types: 'image/png, .pdf' },
    });
    expect(fileProblem({ name: 'noext', size: 1 }, ['image/png'])?.key).toBe('fileType');
  });

  it('rejects a file over maxSizeMB and accepts one exactly at it', () => {
    expect(fileProblem({ ...pdf, size: 5 * MB + 1 }, undefined, 5)).toEqual({
      key: 'fileSize',
      params: { name: 'id.PDF', size: 5 },
    });
    expect(fileProblem({ ...pdf, size: 5 * MB }, undefined, 5)).toBeUndefined();
  });

  it('rejects an empty file and takes no constraint as no constraint', () => {
    expect(fileProblem({ ...pdf, size: 0 })?.key).toBe('fileEmpty');
    expect(fileProblem(pdf, [])).toBeUndefined();
  });
});
