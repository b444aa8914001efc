import { describe, expect, it } from 'vitest';
import { fieldShapeToSchema } from './fieldShapeToSchema.js';

const zh = (text: string) => ({ 'zh-CN': text });

describe('fieldShapeToSchema', () => {
  it('turns date and datetime into formatted strings', () => {
    expect(fieldShapeToSchema({ type: 'date', label: zh('出生日期') })).toEqual({
      type: 'string',
      format: 'date',
      title: '出生日期',
    });
    expect(fieldShapeToSchema({ type: 'datetime', label: zh('出生时间') })).toMatchObject({
      type: 'string',
      format: 'date-time',
    });
  });

  it('turns options into an enum and keeps constraints, help and widget', () => {
    const schema = fieldShapeToSchema({
      type: 'string',
      label: zh('性别'),
      help: zh('按身份证填写'),
      options: [
        { value: '1', label: zh('男') },
        { value: '2', label: zh('女') },
      ],
      maxLength: 1,
      widget: 'radio',
    });
    expect(schema).toEqual({
      type: 'string',
      title: '性别',
      description: '按身份证填写',
      enum: ['1', '2'],
      maxLength: 1,
      'x-onething': { widget: 'radio' },
    });
  });

  it('recurses into array entries and object sub-fields, keeping only known required names', () => {
    const schema = fieldShapeToSchema({
      type: 'array',
      label: zh('员工'),
      minItems: 1,
      items: {
        type: 'object',
        label: zh('员工'),
        properties: {
          name: { type: 'string', label: zh('姓名'), pattern: '^\\S+$' },
          born: { type: 'date', label: zh('生日') },
        },
        required: ['name', 'ghost'],
      },
    });
    expect(schema).toEqual({
      type: 'array',
      title: '员工',
      minItems: 1,
      items: {
        type: 'object',
        title: '员工',
        properties: {
          name: { type: 'string', title: '姓名', pattern: '^\\S+$' },
          born: { type: 'string', format: 'date', title: '生日' },
        },
        required: ['name'],
        additionalProperties: false,
      },
    });
  });
});
