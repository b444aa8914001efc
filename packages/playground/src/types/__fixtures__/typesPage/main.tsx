// Test page for generateBundleTypes.browser.test.ts: renders <TypesView> for the newborn example.
import { compileBundle, loadBundle } from '@onething/engine';
import { render } from 'preact';
import text from '../../../../../../examples/newborn/bundle.yaml?raw';
import { TypesView } from '../../TypesView.js';

const compiled = compileBundle(loadBundle(text, { fileName: 'bundle.yaml' }));
render(<TypesView compiled={compiled} lang="zh-CN" />, document.getElementById('app')!);
