import { describe, expect, it } from 'vitest';
import { createWorkCalendar } from '../calendar/createWorkCalendar.js';
import {
  FlowDriver,
  NEWBORN_OUTPUTS,
  miniData,
  miniFlow,
  miniMaterials,
  newbornFlow,
  newbornMaterials,
  newbornSubmitData,
} from '../../test/fixtures/flowFixture.js';
import { pauseClock, resumeClock, startClock, usedDays } from './itemClock.js';

const calendar = createWorkCalendar();

/** The mini bundle with birthReg (2 working days) accepted on `day` at 09:00 (China Standard Time). */
function miniBirthRegAccepted(day: string): FlowDriver {
  const d = new FlowDriver(miniFlow(), `${day}T09:00:00+08:00`);
  d.send({ type: 'submit', data: miniData(), materials: miniMaterials() });
  d.accept('birthCert');
  d.issue('birthCert', { birthCertNo: 'A123456789' });
  d.accept('birthReg');
  expect(d.status('birthReg')).toBe('inReview');
  return d;
}

describe('itemClock (pure)', () => {
  it('counts from the day after acceptance, skipping the National Day holiday and counting make-up days', () => {
    const clock = startClock(calendar, '2025-09-26', 2, 0.8);
    // 09-27 Sat is off, 09-28 Sun is a make-up working day, 09-29 Mon.
    expect(clock.due).toBe('2025-09-29');
    expect(clock.warnOn).toBe('2025-09-28'); // floor(2 · 0.8) = 1 working day
    const paused = pauseClock(clock, '2025-09-29', 'correction');
    expect(paused.due).toBeUndefined();
    expect(pauseClock(paused, '2025-09-30', 'specialStep')).toBe(paused);
    const resumed = resumeClock(calendar, paused, '2025-10-09', 0.8);
    expect(resumed.paused).toEqual([{ from: '2025-09-29', to: '2025-10-09', reason: 'correction' }]);
    expect(resumed.due).toBe('2025-10-10');
    expect(usedDays(calendar, resumed, '2025-10-10')).toBe(2);
  });

  it('即办 (0 days): due the day of acceptance, no warning', () => {
    const clock = startClock(calendar, '2025-03-20', 0, 0.8);
    expect(clock.due).toBe('2025-03-20');
    expect(clock.warnOn).toBeUndefined();
  });
});

describe('flow clock: 补正 and special steps', () => {
  it('a correction round pauses the clock; the due date moves by the paused working days (National Day 2025)', () => {
    const d = miniBirthRegAccepted('2025-09-26');
    const clock = d.state.items.birthReg!.clock!;
    expect(clock).toMatchObject({ acceptedOn: '2025-09-26', limitDays: 2, due: '2025-09-29' });
    expect(d.timer('slaDue:birthReg').at).toBe('2025-09-30T00:00:00+08:00');

    d.tick('2025-09-29T10:00:00+08:00');
    d.update('birthReg', { status: 'correctionRequested', reasons: [{ 'zh-CN': '户主姓名有误' }] });
    expect(d.status('birthReg')).toBe('correction');
    expect(d.state.items.birthReg!.reasons).toEqual([{ 'zh-CN': '户主姓名有误' }]);
    expect(d.state.items.birthReg!.clock).toMatchObject({
      pausedSince: { from: '2025-09-29', reason: 'correction' },
    });
    expect(d.state.items.birthReg!.clock!.due).toBeUndefined();
    expect(d.state.timers['slaDue:birthReg']).toBeUndefined();
    expect(
      d
        .lastOf('cancelTimer')
        .map((c) => c.id)
        .sort(),
    ).toEqual(['slaDue:birthReg', 'slaWarning:birthReg']);

    d.tick('2025-10-09T15:00:00+08:00');
    d.send({ type: 'answerCorrection', item: 'birthReg', data: { babyName: '林语彤' } });
    expect(d.codes()).toEqual([]);
    expect(d.status('birthReg')).toBe('inReview');
    const supplement = d.lastOf('supplement');
    expect(supplement).toHaveLength(1);
    expect(supplement[0]).toMatchObject({ item: 'birthReg', department: 'police', materials: [] });
    expect(supplement[0]!.payload).toMatchObject({ name: '林语彤', csyxzmbh: 'A123456789' });
    expect(d.state.data.babyName).toBe('林语彤');

    const resumed = d.state.items.birthReg!.clock!;
    const pause = { from: '2025-09-29', to: '2025-10-09' };
    expect(resumed.paused).toEqual([{ ...pause, reason: 'correction' }]);
    // Working days inside the pause: 09-29, 09-30 and 10-09 (10-01…10-08 are the holiday).
    expect(calendar.workingDaysBetween('2025-09-28', '2025-10-09')).toBe(3);
    expect(resumed.due).toBe(calendar.addWorkingDays('2025-09-26', 2, { paused: [pause] }));
    expect(resumed.due).toBe('2025-10-10');
    expect(d.timer('slaDue:birthReg').at).toBe('2025-10-11T00:00:00+08:00');
  });

  it('an answered correction is checked like a submission; a bad answer keeps the item in correction', () => {
    const d = miniBirthRegAccepted('2025-09-26');
    d.update('birthReg', { status: 'correctionRequested', reasons: [{ 'zh-CN': '补正' }] });
    d.send({ type: 'answerCorrection', item: 'birthReg', data: { motherIdNumber: '110105194912310038' } });
    expect(d.codes()).toContain('FLOW_SUBMISSION_INVALID');
    expect(d.status('birthReg')).toBe('correction');
    expect(d.state.data.motherIdNumber).not.toBe('110105194912310038');
    const before = d.state;
    d.send({ type: 'answerCorrection', item: 'birthCert', data: {} });
    expect(d.codes()).toEqual(['FLOW_EVENT_NOT_ALLOWED']);
    expect(d.state).toBe(before);
  });

  it('an excluded special step pauses the clock until it ends (Spring Festival 2026)', () => {
    const d = miniBirthRegAccepted('2026-02-12'); // Thu; 02-14 Sat is a make-up working day
    const before = d.state.items.birthReg!.clock!;
    expect(before.due).toBe(calendar.addWorkingDays('2026-02-12', 2));
    d.tick('2026-02-13T10:00:00+08:00');
    d.update('birthReg', { status: 'specialStep', step: '检验' });
    expect(d.status('birthReg')).toBe('inReview');
    expect(d.state.items.birthReg!.clock!.pausedSince).toEqual({ from: '2026-02-13', reason: 'specialStep' });
    expect(Object.keys(d.state.timers)).toEqual([]);
    d.tick('2026-02-25T10:00:00+08:00');
    d.update('birthReg', { status: 'specialStepEnded' });
    const pause = { from: '2026-02-13', to: '2026-02-25' };
    const clock = d.state.items.birthReg!.clock!;
    expect(clock.paused).toEqual([{ ...pause, reason: 'specialStep' }]);
    expect(clock.due).toBe(calendar.addWorkingDays('2026-02-12', 2, { paused: [pause] }));
    expect(clock.due! > before.due!).toBe(true);
    expect(d.timer('slaDue:birthReg').at).toBe(`${nextDay(clock.due!)}T00:00:00+08:00`);
    // specialStep on an item not under review is refused.
    d.update('birthCert', { status: 'specialStep', step: '检验' });
    expect(d.codes()).toEqual(['FLOW_EVENT_NOT_ALLOWED']);
  });
});

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

describe('flow clock: SLA timers', () => {
  function birthRegAccepted(): FlowDriver {
    const d = new FlowDriver(newbornFlow()); // Thu 2025-03-20
    d.send({ type: 'submit', data: newbornSubmitData(), materials: newbornMaterials() });
    d.accept('birthCert');
    d.issue('birthCert', NEWBORN_OUTPUTS.birthCert);
    d.accept('birthReg');
    return d;
  }

  it('warns, then reports overdue, each once, from timers at absolute instants', () => {
    const d = birthRegAccepted();
    const clock = d.state.items.birthReg!.clock!;
    // 3 working days from Thu 03-20: Fri 21, Mon 24, Tue 25; warning after floor(3 · 0.8) = 2.
    expect(clock).toMatchObject({
      acceptedOn: '2025-03-20',
      limitDays: 3,
      due: '2025-03-25',
      warnOn: '2025-03-24',
    });
    expect(d.timer('slaWarning:birthReg')).toEqual({
      id: 'slaWarning:birthReg',
      at: '2025-03-25T00:00:00+08:00',
      purpose: 'slaWarning',
      item: 'birthReg',
    });
    d.fire('slaWarning:birthReg');
    expect(d.notices('slaWarning')).toEqual([
      {
        kind: 'slaWarning',
        item: 'birthReg',
        due: '2025-03-25',
        // One working day (the last) is left when the warning day 03-24 ends.
        remainingDays: 1,
      },
    ]);
    expect(d.state.items.birthReg!.clock!.warned).toBe(true);
    expect(d.state.timers['slaWarning:birthReg']).toBeUndefined();
    d.send({ type: 'timer', id: 'slaDue:birthReg' }, '2025-03-25T23:59:59+08:00');
    expect(d.codes()).toEqual(['FLOW_TIMER_EARLY']);
    d.fire('slaDue:birthReg');
    expect(d.notices('overdue')).toEqual([{ kind: 'overdue', item: 'birthReg', due: '2025-03-25' }]);
    expect(d.state.items.birthReg!.clock!.overdue).toBe(true);
    expect(d.status('birthReg')).toBe('inReview'); // overdue is reported, not decided
    // Once issued, the clock stops.
    d.issue('birthReg', NEWBORN_OUTPUTS.birthReg);
    expect(d.state.items.birthReg!.clock!.stoppedOn).toBe('2025-03-26');
  });

  it('issuing before the deadline cancels the SLA timers', () => {
    const d = birthRegAccepted();
    d.issue('birthReg', NEWBORN_OUTPUTS.birthReg);
    expect(
      d
        .lastOf('cancelTimer')
        .map((c) => c.id)
        .sort(),
    ).toEqual(['slaDue:birthReg', 'slaWarning:birthReg']);
    expect(Object.keys(d.state.timers).filter((id) => id.endsWith(':birthReg'))).toEqual([]);
  });

  it('a timer fired late still works once; a second firing is an unknown timer', () => {
    const d = birthRegAccepted();
    d.fire('slaDue:birthReg', '2025-04-01T12:00:00+08:00');
    expect(d.notices('overdue')).toHaveLength(1);
    const before = d.state;
    d.send({ type: 'timer', id: 'slaDue:birthReg' });
    expect(d.codes()).toEqual(['FLOW_UNKNOWN_TIMER']);
    expect(d.state).toBe(before);
  });
});
