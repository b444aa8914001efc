import { describe, expect, it } from 'vitest';
import { createWorkCalendar, type ItemClock } from '../../../engine/src/index.js';
import { deadlineOf, deadlineText } from './deadlineOf.js';

const calendar = createWorkCalendar();
// Accepted 2025-09-30 with 5 working days: 10-01..08 are off (国庆+中秋), Saturday 10-11 is worked.
const clock: ItemClock = { acceptedOn: '2025-09-30', limitDays: 5, paused: [], due: '2025-10-14' };

describe('deadlineOf', () => {
  it.each([
    ['2025-09-30', 5],
    ['2025-10-01', 5],
    ['2025-10-08', 5],
    ['2025-10-09', 4],
    ['2025-10-10', 3],
    ['2025-10-11', 2],
    ['2025-10-12', 2],
    ['2025-10-13', 1],
  ])('on %s counts %i working days left to 2025-10-14', (today, days) => {
    expect(deadlineOf(clock, today, calendar)).toEqual({ kind: 'left', days, due: '2025-10-14' });
  });

  it('says today on the last day, then counts working days overdue', () => {
    expect(deadlineOf(clock, '2025-10-14', calendar)).toEqual({ kind: 'today', due: '2025-10-14' });
    expect(deadlineOf(clock, '2025-10-15', calendar)).toEqual({
      kind: 'overdue',
      days: 1,
      due: '2025-10-14',
    });
    expect(deadlineOf(clock, '2025-10-20', calendar)).toEqual({
      kind: 'overdue',
      days: 4,
      due: '2025-10-14',
    });
  });

  it('believes the flow when it says overdue, and counts days off after the due day as 0', () => {
    const friday = { ...clock, due: '2025-10-17' };
    expect(deadlineOf(friday, '2025-10-18', calendar)).toEqual({
      kind: 'overdue',
      days: 0,
      due: '2025-10-17',
    });
    expect(deadlineOf({ ...clock, overdue: true }, '2025-10-13', calendar)).toMatchObject({
      kind: 'overdue',
      days: 0,
    });
    expect(deadlineText({ kind: 'overdue', days: 0, due: '2025-10-17' }, 'zh-CN')).toBe(
      '已超过办理时限（2025-10-17）',
    );
  });

  it('has no countdown without a clock, after it stopped, or with unreadable dates', () => {
    expect(deadlineOf(undefined, '2025-10-09', calendar)).toBeUndefined();
    expect(deadlineOf({ ...clock, stoppedOn: '2025-10-10' }, '2025-10-11', calendar)).toBeUndefined();
    expect(deadlineOf({ ...clock, due: '2025-13-45' }, '2025-10-09', calendar)).toBeUndefined();
  });

  it('reports a paused clock with its reason', () => {
    const { due: _due, ...running } = clock;
    const paused: ItemClock = { ...running, pausedSince: { from: '2025-10-10', reason: 'specialStep' } };
    const deadline = deadlineOf(paused, '2025-10-20', calendar)!;
    expect(deadline).toEqual({ kind: 'paused', reason: 'specialStep', from: '2025-10-10' });
    expect(deadlineText(deadline, 'zh-CN')).toBe('已暂停计时（特殊环节）');
    expect(deadlineText({ kind: 'paused', reason: 'correction', from: '2025-10-10' }, 'en')).toBe(
      'Clock paused (correction)',
    );
  });

  it('words the countdown in both languages', () => {
    expect(deadlineText({ kind: 'left', days: 3, due: '2025-10-14' }, 'zh-CN')).toBe(
      '剩余 3 个工作日（2025-10-14 截止）',
    );
    expect(deadlineText({ kind: 'overdue', days: 2, due: '2025-10-14' }, 'zh-CN')).toBe(
      '已超期 2 个工作日（时限 2025-10-14）',
    );
    expect(deadlineText({ kind: 'left', days: 3, due: '2025-10-14' }, 'en')).toBe(
      '3 working day(s) left (due 2025-10-14)',
    );
  });
});
