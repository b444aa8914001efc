// A synchronous department for benchmarks: drives one application through the decider to the end,
// answering every effect at once the way the in-memory adapter's default script does (accept, in
// review, approved, issued with outputs; supplements and withdrawals ok). No promises, no store: this
// measures the decider itself. `detours` adds, per item, one failed submission, a special step and
// that many correction rounds; `progress` that many extra in-review updates.
const instants = new Map();
/** ISO text of an instant, remembered: every driven application walks the same seconds. */
function isoOf(ms) {
  let text = instants.get(ms);
  if (text === undefined) {
    text = new Date(ms).toISOString();
    if (instants.size < 100_000) instants.set(ms, text);
  }
  return text;
}

export function driveApplication(
  flow,
  { id, data, materials, start, outputs = {}, detours = 0, progress = 0, onStep },
) {
  let ms = Date.parse(start);
  const at = () => isoOf((ms += 1000));
  let state = flow.start({ applicationId: id, at: at() });
  const queue = [{ type: 'submit', data, materials }];
  let event = 0;
  let steps = 0;
  const detoursLeft = new Map();
  while (queue.length > 0) {
    const input = { at: at(), event: queue.shift() };
    const decision = flow.decide(state, input);
    steps += 1;
    onStep?.(input, decision);
    state = decision.state;
    for (const effect of decision.effects) {
      if (effect.type === 'dispatch') {
        const left = detoursLeft.get(effect.item) ?? detours;
        if (left > 0 && effect.attempt === 1) {
          queue.push({
            type: 'adapterResult',
            item: effect.item,
            callId: effect.callId,
            result: { status: 'failed', transient: true, message: '503' },
          });
          continue;
        }
        queue.push({
          type: 'adapterResult',
          item: effect.item,
          callId: effect.callId,
          result: { status: 'accepted', receiptNo: `R${effect.callId}` },
        });
        queue.push({
          type: 'departmentUpdate',
          item: effect.item,
          eventId: `e${++event}`,
          update: { status: 'inReview' },
        });
        // Departments that report progress (已分派, 审核中…) send more in-review updates.
        for (let p = 0; p < progress; p++) {
          queue.push({
            type: 'departmentUpdate',
            item: effect.item,
            eventId: `e${++event}`,
            update: { status: 'inReview' },
          });
        }
        if (left > 0) {
          detoursLeft.set(effect.item, 0);
          queue.push({
            type: 'departmentUpdate',
            item: effect.item,
            eventId: `e${++event}`,
            update: { status: 'specialStep', step: '检验' },
          });
          queue.push({
            type: 'departmentUpdate',
            item: effect.item,
            eventId: `e${++event}`,
            update: { status: 'specialStepEnded' },
          });
          for (let round = 0; round < left; round++) {
            queue.push({
              type: 'departmentUpdate',
              item: effect.item,
              eventId: `e${++event}`,
              update: { status: 'correctionRequested', reasons: [{ 'zh-CN': '请补正' }] },
            });
            queue.push({ type: 'answerCorrection', item: effect.item, data: {} });
          }
        }
        queue.push({
          type: 'departmentUpdate',
          item: effect.item,
          eventId: `e${++event}`,
          update: { status: 'approved' },
        });
        queue.push({
          type: 'departmentUpdate',
          item: effect.item,
          eventId: `e${++event}`,
          update: {
            status: 'issued',
            licence: { no: `L${effect.callId}` },
            outputs: outputs[effect.item] ?? {},
          },
        });
      } else if (effect.type === 'supplement' || effect.type === 'withdraw') {
        queue.push({
          type: 'adapterResult',
          item: effect.item,
          callId: effect.callId,
          result: { status: 'ok' },
        });
      } else if (effect.type === 'setTimer' && effect.timer.purpose === 'retry') {
        ms = Math.max(ms, Date.parse(effect.timer.at));
        queue.push({ type: 'timer', id: effect.timer.id });
      }
    }
  }
  return { state, steps };
}
