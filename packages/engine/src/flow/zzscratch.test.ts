import { it } from 'vitest';
import { FlowDriver, newbornFlow, newbornSubmitData, newbornMaterials, SIGNED, NEWBORN_OUTPUTS } from '../../test/fixtures/flowFixture.js';

it('explore', () => {
  const d = new FlowDriver(newbornFlow());
  d.send({ type: 'submit', data: newbornSubmitData(), materials: newbornMaterials({ m_hukouBook: { kind: 'deferred', ...SIGNED } }) });
  d.accept('birthCert'); d.issue('birthCert', NEWBORN_OUTPUTS.birthCert);
  d.accept('birthReg');
  console.log('timers', Object.values(d.state.timers));
  d.update('birthReg', { status: 'correctionRequested', reasons: [{ 'zh-CN': '地址不全' }] });
  d.send({ type: 'answerCorrection', item: 'birthReg', data: { hukouAddress: '福建省厦门市思明区莲前西路188号3单元1203室' } });
  console.log('answer', d.codes(), d.status('birthReg'), JSON.stringify(d.last.diagnostics.slice(0,3).map(x=>[x.code,x.path,x.message])));
  try { const r = d.send({ type: 'timer', id: 'constructor' }); console.log('ctor', r.diagnostics.map(x=>x.code), r.state === d.state); } catch (e) { console.log('throw', e); }
  try { const r = d.send({ type: 'submit', data: {}, materials: { m_parentIds: null } as never }); console.log('nullmat', r.diagnostics.map(x=>x.code)); } catch (e) { console.log('throw nullmat', String(e)); }
  d.send({ type: 'withdraw' });
  console.log(d.state.status, d.status('birthReg'), d.state.items.birthReg!.outstanding);
  d.send({ type: 'supply', material: 'm_hukouBook' });
  console.log('supply after withdraw', d.codes(), d.last.effects.map(e=>e.type));
});
